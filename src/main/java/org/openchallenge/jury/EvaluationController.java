package org.openchallenge.jury;

import org.openchallenge.intake.IntakeService;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every provider receives the jury's evaluations of its own submission, once the jury has decided: each juror's score
 * and justification per criterion, under the juror's name and seat (published with the decision), the jurors whose
 * scores are missing, and the jury's consensus. Nobody else reads them here.
 */
@RestController
public class EvaluationController {

  private final IntakeService intake;
  private final JuryDecision decisions;
  private final ProviderFeedback feedback;
  private final Actors actors;

  public EvaluationController(IntakeService intake, JuryDecision decisions, ProviderFeedback feedback,
                              Actors actors) {
    this.intake = intake;
    this.decisions = decisions;
    this.feedback = feedback;
    this.actors = actors;
  }

  @GetMapping("/api/challenges/{businessKey}/submissions/{id}/evaluations")
  public ProviderFeedback.Feedback evaluations(@PathVariable String businessKey, @PathVariable long id) {
    IntakeService.FullSubmission f = intake.fullSubmission(businessKey, id);
    if (!actors.current().equals(f.solution().providerUsername())) {
      throw ApiException.notFound("No submission " + id + " of yours to challenge " + businessKey);
    }
    if (!decisions.hasDecided(f.solution().caseId())) {
      throw ApiException.conflict("The jury of challenge " + businessKey + " has not decided yet; its evaluations "
          + "stay blind until then");
    }
    return feedback.feedbackOn(f.solution().caseId(), id);
  }
}
