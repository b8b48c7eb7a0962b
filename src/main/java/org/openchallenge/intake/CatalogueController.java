package org.openchallenge.intake;

import org.openchallenge.platform.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The open solution catalogue: public, read-only, no login (docs/api.md). */
@RestController
@RequestMapping("/api/public/solutions")
public class CatalogueController {

  private final CatalogueSearch catalogue;

  public CatalogueController(CatalogueSearch catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  public CatalogueSearch.Page search(
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(required = false) @Size(max = 40) String challenge,
      @RequestParam(required = false) Solution.OrganisationType organisationType,
      @RequestParam(required = false) Solution.Maturity maturity,
      @RequestParam(required = false) @Pattern(regexp = "[A-Z]{2}") String country,
      @RequestParam(required = false) Solution.Status status,
      @RequestParam(required = false) Solution.Source source,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return catalogue.search(new CatalogueSearch.Filter(q, challenge, organisationType, maturity, country, status,
        source), page, size);
  }

  @GetMapping("/{id}")
  public CatalogueSearch.Entry one(@PathVariable long id) {
    return catalogue.find(id).orElseThrow(() -> ApiException.notFound("No published solution " + id));
  }
}
