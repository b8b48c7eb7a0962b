package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_GiveStakeholderFeedback: an invited stakeholder rates delivery in this period. The task remembers its period,
 * so feedback given late still belongs to the report it was asked for.
 */
@Component("stakeholderFeedbackForm")
public class StakeholderFeedbackForm extends TaskForm {

  private final MonitoringService monitoring;
  private final Actors actors;

  public StakeholderFeedbackForm(MonitoringService monitoring, Actors actors) {
    this.monitoring = monitoring;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    task.setVariableLocal(CaseVariables.REPORTING_PERIOD,
        monitoring.openPeriod(task.getExecution().getProcessBusinessKey()));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String stakeholder = requireOwnTask(task, actors, in);
    Integer rating = in.whole("rating", "Rating", 1, 5);
    String comment = in.optionalText("feedbackComment", "Comment", 4000);
    in.throwIfInvalid();
    monitoring.recordFeedback(task.getExecution().getProcessBusinessKey(), stakeholder,
        (Integer) task.getVariableLocal(CaseVariables.REPORTING_PERIOD), rating, comment);
  }

  /**
   * The stakeholder a task of a stakeholders' multi-instance belongs to. Engine authorization already hides other
   * stakeholders' tasks; this also refuses a task handed to someone else.
   */
  static String requireOwnTask(DelegateTask task, Actors actors, FormInput in) {
    String stakeholder = (String) task.getVariable(CaseVariables.STAKEHOLDER);
    String actor = actors.current(task);
    if (!Actors.SYSTEM.equals(actor) && !actor.equals(stakeholder)) {
      in.problem("This task belongs to " + stakeholder + "; only they can answer it");
    }
    return stakeholder;
  }
}
