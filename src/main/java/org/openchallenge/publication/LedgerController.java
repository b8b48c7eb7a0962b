package org.openchallenge.publication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The changes feed (public), per-case timelines (public), the chain check (public) and the audit view (city staff). */
@RestController
public class LedgerController {

  private final LedgerFeed feed;

  public LedgerController(LedgerFeed feed) {
    this.feed = feed;
  }

  @GetMapping("/api/public/ledger")
  public LedgerFeed.Page<LedgerFeed.PublicEntry> feed(@RequestParam(defaultValue = "0") @Min(0) long after,
                                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return feed.after(after, limit, null);
  }

  @GetMapping("/api/public/challenges/{businessKey}/timeline")
  public LedgerFeed.Page<LedgerFeed.PublicEntry> timeline(@PathVariable @Size(max = 40) String businessKey,
                                                          @RequestParam(defaultValue = "0") @Min(0) long after,
                                                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000)
                                                          int limit) {
    return feed.after(after, limit, businessKey);
  }

  @GetMapping("/api/public/ledger/verification")
  public LedgerFeed.Verification verification() {
    return feed.verify();
  }

  @GetMapping("/api/ledger")
  public LedgerFeed.Page<LedgerFeed.AuditEntry> audit(@RequestParam(defaultValue = "0") @Min(0) long after,
                                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                                      @RequestParam(required = false) @Size(max = 40) String caseKey) {
    return feed.auditAfter(after, limit, caseKey);
  }
}
