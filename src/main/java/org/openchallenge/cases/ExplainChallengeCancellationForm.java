package org.openchallenge.cases;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_ExplainChallengeCancellation: the official states publicly why the challenge is cancelled. */
@Component("explainChallengeCancellationForm")
public class ExplainChallengeCancellationForm extends TaskForm {

  private final CaseService cases;
  private final Actors actors;

  public ExplainChallengeCancellationForm(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    ProcurementCase c = cases.require(task.getExecution().getProcessBusinessKey());
    data.put("caseTitle", c.title()).put("researchRounds", c.researchRound());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String reason = in.text("reason", "Reason for cancellation", 4000);
    if (in.isValid()) {
      cases.explainClosing(task.getExecution().getProcessBusinessKey(), reason, actors.current(task));
    }
  }
}
