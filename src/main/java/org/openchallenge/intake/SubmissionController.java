package org.openchallenge.intake;

import org.openchallenge.platform.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The provider API: an authenticated provider submits a solution to a challenge that is open for intake. */
@RestController
@RequestMapping("/api/challenges/{businessKey}/submissions")
public class SubmissionController {

  private final IntakeService intake;
  private final Actors actors;

  public SubmissionController(IntakeService intake, Actors actors) {
    this.intake = intake;
    this.actors = actors;
  }

  public record SubmissionRequest(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 4000) String summary,
      @NotBlank @Size(max = 4000) String howMeetsOutcomes,
      @NotBlank @Size(max = 200) String organisationName,
      @NotNull Solution.OrganisationType organisationType,
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as NL") String country,
      @NotNull Solution.Maturity maturity) {
  }

  public record SubmissionResponse(long id, String challenge, String title, Solution.Status status) {
    static SubmissionResponse of(String challenge, Solution s) {
      return new SubmissionResponse(s.id(), challenge, s.title(), s.status());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public SubmissionResponse submit(@PathVariable String businessKey, @Valid @RequestBody SubmissionRequest r) {
    Solution s = intake.submit(businessKey, new IntakeService.Submission(r.title().strip(), r.summary().strip(),
        r.howMeetsOutcomes().strip(), r.organisationName().strip(), r.organisationType(), r.country(), r.maturity()),
        actors.current());
    return SubmissionResponse.of(businessKey, s);
  }

  @GetMapping("/{id}")
  public SubmissionResponse get(@PathVariable String businessKey, @PathVariable long id) {
    Solution s = intake.submission(id);
    if (s.providerUsername() == null || !s.providerUsername().equals(actors.current())) {
      throw org.openchallenge.platform.ApiException.notFound("No submission " + id + " of yours");
    }
    return SubmissionResponse.of(businessKey, s);
  }
}
