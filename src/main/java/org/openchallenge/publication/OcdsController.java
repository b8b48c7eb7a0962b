package org.openchallenge.publication;

import java.util.List;
import java.util.Map;

import org.openchallenge.platform.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** OCDS 1.1.5 output: release and record packages per case, and every release in bulk (public, no login). */
@RestController
public class OcdsController {

  private final OcdsReleases ocds;

  public OcdsController(OcdsReleases ocds) {
    this.ocds = ocds;
  }

  @GetMapping("/api/public/ocds/releases/{businessKey}")
  public Map<String, Object> releasePackage(@PathVariable String businessKey) {
    return ocds.releasePackage(here(), published(businessKey));
  }

  @GetMapping("/api/public/ocds/records/{businessKey}")
  public Map<String, Object> recordPackage(@PathVariable String businessKey) {
    return ocds.recordPackage(here(), businessKey, published(businessKey));
  }

  /** Bulk download: the releases of a page of published cases, oldest case first. */
  @GetMapping("/api/public/ocds/releases")
  public Map<String, Object> allReleases(@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return ocds.releasePackage(here(), ocds.allReleases(page, size));
  }

  private List<Map<String, Object>> published(String businessKey) {
    List<Map<String, Object>> releases = ocds.releases(businessKey);
    if (releases.isEmpty()) {
      throw ApiException.notFound("No published challenge " + businessKey);
    }
    return releases;
  }

  private static String here() {
    return ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
  }
}
