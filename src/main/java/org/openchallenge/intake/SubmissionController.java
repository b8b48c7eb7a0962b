package org.openchallenge.intake;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.openchallenge.platform.Actors;
import org.openchallenge.platform.ApiException;
import org.openchallenge.platform.IsoCountry;
import org.openchallenge.platform.IsoCurrency;
import org.openchallenge.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The provider API: an authenticated provider submits a solution to a challenge open for intake, and may amend or
 * withdraw it until the deadline. A submission, confidential details included, is read by its provider, the
 * officials, and the case's jury.
 */
@RestController
@RequestMapping("/api/challenges/{businessKey}/submissions")
public class SubmissionController {

  private final IntakeService intake;
  private final JuryMembership jury;
  private final Actors actors;

  public SubmissionController(IntakeService intake, JuryMembership jury, Actors actors) {
    this.intake = intake;
    this.jury = jury;
    this.actors = actors;
  }

  public record AttachmentRequest(
      @NotBlank @Size(max = 200) String label,
      @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https link")
      String url) {
  }

  public record SubmissionRequest(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 4000) String summary,
      @NotBlank @Size(max = 4000) String howMeetsOutcomes,
      @NotBlank @Size(max = 200) String organisationName,
      @NotNull Solution.OrganisationType organisationType,
      @NotBlank @IsoCountry String country,
      @NotNull Solution.Maturity maturity,
      @Size(max = 2000) String maturityReferences,
      @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 16, fraction = 2)
      BigDecimal indicativeCost,
      @IsoCurrency String costCurrency,
      @Size(max = 10) List<@Valid @NotNull AttachmentRequest> attachments,
      @Size(max = 8000) String confidentialDetails) {

    IntakeService.Submission toSubmission() {
      if (indicativeCost != null && costCurrency == null) {
        throw ApiException.badRequest("costCurrency: is required with indicativeCost");
      }
      if (maturity == Solution.Maturity.DEPLOYED_ELSEWHERE && blank(maturityReferences)) {
        throw ApiException.badRequest("maturityReferences: name where the solution is deployed");
      }
      List<SubmissionDetails.Attachment> links = attachments == null ? List.of() : attachments.stream()
          .map(a -> new SubmissionDetails.Attachment(a.label().strip(), a.url().strip()))
          .toList();
      return new IntakeService.Submission(title.strip(), summary.strip(), howMeetsOutcomes.strip(),
          organisationName.strip(), organisationType, country, maturity, new SubmissionDetails(indicativeCost,
          indicativeCost == null ? null : costCurrency, blank(maturityReferences) ? null : maturityReferences.strip(),
          links, blank(confidentialDetails) ? null : confidentialDetails.strip(), null, null));
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  /** A submission as its provider, the officials and the jury see it. Text is returned as given, never as HTML. */
  public record SubmissionResponse(long id, String challenge, String title, String summary, String howMeetsOutcomes,
                                   String organisationName, Solution.OrganisationType organisationType,
                                   String country, Solution.Maturity maturity, String maturityReferences,
                                   BigDecimal indicativeCost, String costCurrency,
                                   List<SubmissionDetails.Attachment> attachments, String confidentialDetails,
                                   Solution.Status status, String screeningReason, OffsetDateTime submittedAt,
                                   OffsetDateTime amendedAt, OffsetDateTime withdrawnAt) {

    static SubmissionResponse of(String challenge, IntakeService.FullSubmission f) {
      Solution s = f.solution();
      SubmissionDetails d = f.details();
      return new SubmissionResponse(s.id(), challenge, s.title(), s.summary(), s.howMeetsOutcomes(),
          s.organisationName(), s.organisationType(), s.country(), s.maturity(), d.maturityReferences(),
          d.indicativeCost(), d.costCurrency(), d.attachments(), d.confidentialDetails(), s.status(),
          s.screeningReason(), s.recordedAt(), d.amendedAt(), d.withdrawnAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public SubmissionResponse submit(@PathVariable String businessKey, @Valid @RequestBody SubmissionRequest r) {
    Solution s = intake.submit(businessKey, r.toSubmission(), actors.current());
    return SubmissionResponse.of(businessKey, intake.fullSubmission(businessKey, s.id()));
  }

  @PutMapping("/{id}")
  public SubmissionResponse amend(@PathVariable String businessKey, @PathVariable long id,
                                  @Valid @RequestBody SubmissionRequest r) {
    intake.amend(businessKey, id, r.toSubmission(), actors.current());
    return SubmissionResponse.of(businessKey, intake.fullSubmission(businessKey, id));
  }

  @DeleteMapping("/{id}")
  public SubmissionResponse withdraw(@PathVariable String businessKey, @PathVariable long id) {
    intake.withdraw(businessKey, id, actors.current());
    return SubmissionResponse.of(businessKey, intake.fullSubmission(businessKey, id));
  }

  @GetMapping("/{id}")
  public SubmissionResponse get(@PathVariable String businessKey, @PathVariable long id) {
    IntakeService.FullSubmission f = intake.fullSubmission(businessKey, id);
    String user = actors.current();
    boolean allowed = user.equals(f.solution().providerUsername()) || hasRole(Roles.OFFICIALS)
        || hasRole(Roles.ADMINISTRATORS) || (hasRole(Roles.JURORS) && jury.isJuror(businessKey, user));
    if (!allowed) {
      // Not 403: whether another provider's submission exists is none of the caller's business.
      throw ApiException.notFound("No submission " + id + " to challenge " + businessKey + " that you may read");
    }
    return SubmissionResponse.of(businessKey, f);
  }

  private static boolean hasRole(String group) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals(org.openchallenge.security.CamundaIdentityAuthenticationProvider
            .GROUP_PREFIX + group));
  }
}
