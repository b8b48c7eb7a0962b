package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseService;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_AssessFinalImpact: at contract end each invited stakeholder rates how far the intended public value was
 * delivered; the officials' final evaluation shows these assessments, and they are published without names.
 */
@Component("assessFinalImpactForm")
public class AssessFinalImpactForm extends TaskForm {

  private final MonitoringService monitoring;
  private final CaseService cases;
  private final Actors actors;

  public AssessFinalImpactForm(MonitoringService monitoring, CaseService cases, Actors actors) {
    this.monitoring = monitoring;
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    data.put("publicValue", cases.require(key).publicValue()).put("indicatorResults", monitoring.indicatorResults(key));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String stakeholder = StakeholderFeedbackForm.requireOwnTask(task, actors, in);
    Integer rating = in.whole("rating", "Rating", 1, 5);
    String comment = in.optionalText("assessmentComment", "Comment", 4000);
    in.throwIfInvalid();
    monitoring.recordFinalAssessment(task.getExecution().getProcessBusinessKey(), stakeholder, rating, comment);
  }
}
