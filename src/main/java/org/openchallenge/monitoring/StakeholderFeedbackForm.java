package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_GiveStakeholderFeedback: an invited stakeholder rates delivery in this period. */
@Component("stakeholderFeedbackForm")
public class StakeholderFeedbackForm extends TaskForm {

  private final MonitoringService monitoring;

  public StakeholderFeedbackForm(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    Integer rating = in.whole("rating", "Rating", 1, 5);
    String comment = in.optionalText("feedbackComment", "Comment", 4000);
    in.throwIfInvalid();
    monitoring.recordFeedback(task.getExecution().getProcessBusinessKey(),
        (String) task.getVariable(CaseVariables.STAKEHOLDER), rating, comment);
  }
}
