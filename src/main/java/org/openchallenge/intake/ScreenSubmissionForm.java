package org.openchallenge.intake;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_ScreenSubmission: an official decides whether one submission is eligible, with a reason. */
@Component("screenSubmissionForm")
public class ScreenSubmissionForm extends TaskForm {

  public enum Eligibility { ELIGIBLE, NOT_ELIGIBLE }

  private final IntakeService intake;
  private final Actors actors;

  public ScreenSubmissionForm(IntakeService intake, Actors actors) {
    this.intake = intake;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    Solution s = intake.submission(CaseVariables.SUBMISSION_ID.get(task));
    data.put("solutionTitle", s.title()).put("organisation", s.organisationName())
        .put("organisationType", s.organisationType().name()).put("country", s.country())
        .put("maturity", s.maturity() == null ? null : s.maturity().name()).put("summary", s.summary())
        .put("howMeetsOutcomes", s.howMeetsOutcomes());
    // The public details only: task variables are readable in Cockpit, the confidential part must not be.
    SubmissionDetails d = intake.publicDetails(s.id());
    data.put("maturityReferences", d.maturityReferences())
        .put("indicativeCost", d.indicativeCost() == null ? null
            : d.indicativeCost().toPlainString() + " " + d.costCurrency())
        .put("attachments", d.attachments().isEmpty() ? null : d.attachments().stream()
            .map(a -> (a.label() == null ? "" : a.label() + ": ") + a.url())
            .collect(java.util.stream.Collectors.joining("\n")));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    Eligibility eligibility = in.choice("eligibility", "Eligibility", Eligibility.class);
    String reason = in.text("screeningReason", "Reason", 4000);
    in.throwIfInvalid();
    intake.screen(CaseVariables.SUBMISSION_ID.get(task), eligibility == Eligibility.ELIGIBLE, reason,
        actors.current(task));
  }
}
