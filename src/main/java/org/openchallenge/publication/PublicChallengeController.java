package org.openchallenge.publication;

import java.util.List;

import org.openchallenge.platform.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Published challenges: public, read-only, no login (docs/api.md). */
@RestController
@RequestMapping("/api/public/challenges")
public class PublicChallengeController {

  private final PublicChallenges challenges;

  public PublicChallengeController(PublicChallenges challenges) {
    this.challenges = challenges;
  }

  @GetMapping
  public List<PublicChallenges.Summary> list(@RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return challenges.list(page, size);
  }

  @GetMapping("/{businessKey}")
  public PublicChallenges.Challenge one(@PathVariable String businessKey) {
    return challenges.find(businessKey)
        .orElseThrow(() -> ApiException.notFound("No published challenge " + businessKey));
  }
}
