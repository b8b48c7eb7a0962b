package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_FollowUpCorrectivePlan: on the plan's follow-up date, an official records what the supplier has done. */
@Component("followUpCorrectivePlanForm")
public class FollowUpCorrectivePlanForm extends TaskForm {

  private final OffTrackEscalation escalation;
  private final Actors actors;

  public FollowUpCorrectivePlanForm(OffTrackEscalation escalation, Actors actors) {
    this.escalation = escalation;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    OffTrackEscalation.Recorded plan = escalation.plan(task.getExecution().getProcessBusinessKey(), planId(task));
    data.put("reportPeriod", "Report " + plan.reportPeriod()).put("correctivePlan", plan.correctivePlan())
        .put("followUpDate", plan.followUpDate().toString());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String result = in.text("followUpResult", "Result of the follow-up", 4000);
    in.throwIfInvalid();
    escalation.followUp(task.getExecution().getProcessBusinessKey(), planId(task), result, actors.current(task));
  }

  private static long planId(DelegateTask task) {
    return ((Number) task.getVariable(CaseVariables.CORRECTIVE_PLAN_ID)).longValue();
  }
}
