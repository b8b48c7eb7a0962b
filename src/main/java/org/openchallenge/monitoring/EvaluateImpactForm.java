package org.openchallenge.monitoring;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseService;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_EvaluateImpact: at contract end, after the stakeholders' assessments, the outcome against the public value
 * intended when the need was opened.
 */
@Component("evaluateImpactForm")
public class EvaluateImpactForm extends TaskForm {

  private final MonitoringService monitoring;
  private final CaseService cases;
  private final Actors actors;

  public EvaluateImpactForm(MonitoringService monitoring, CaseService cases, Actors actors) {
    this.monitoring = monitoring;
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    data.put("publicValue", cases.require(key).publicValue())
        .put("indicatorResults", monitoring.indicatorResults(key));
    List<MonitoringService.PublishedFeedback> assessments = monitoring.finalAssessments(key);
    data.put("stakeholderAssessments", assessments.isEmpty() ? "No stakeholder assessed the outcome."
        : assessments.size() + " stakeholder(s), mean rating "
            + String.format(java.util.Locale.ROOT, "%.1f", assessments.stream()
                .mapToInt(MonitoringService.PublishedFeedback::rating).average().orElse(0)) + " of 5"
            + assessments.stream().filter(a -> a.comment() != null).map(a -> "\n- " + a.comment())
                .collect(Collectors.joining()));
  }


  @Override
  protected void submit(DelegateTask task, FormInput in) {
    MonitoringService.FinalStatus status = in.choice("finalStatus", "Final status", MonitoringService.FinalStatus.class);
    String summary = in.text("impactSummary", "Impact summary", 4000);
    in.throwIfInvalid();
    monitoring.evaluateImpact(task.getExecution().getProcessBusinessKey(), status, summary, actors.current(task));
  }
}
