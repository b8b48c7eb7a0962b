package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewAiSystem: in each reporting period of an AI case, an official reviews the system for bias, performance,
 * incidents and whether human oversight works; the review is published with the algorithm register record.
 */
@Component("reviewAiSystemForm")
public class ReviewAiSystemForm extends TaskForm {

  public enum Answer { YES, NO }

  private final MonitoringService monitoring;
  private final AlgorithmRegister register;
  private final Actors actors;

  public ReviewAiSystemForm(MonitoringService monitoring, AlgorithmRegister register, Actors actors) {
    this.monitoring = monitoring;
    this.register = register;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    int period = monitoring.openPeriod(key);
    task.setVariableLocal(CaseVariables.REPORTING_PERIOD, period);
    data.put("reviewPeriod", "Period " + period);
    register.of(key).ifPresent(r -> data.put("systemName", r.systemName()));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String bias = in.text("biasReview", "Bias review", 4000);
    String performance = in.text("performanceReview", "Performance review", 4000);
    String incidents = in.text("incidents", "Incidents", 4000);
    Answer effective = in.choice("oversightEffective", "Human oversight", Answer.class);
    String notes = in.text("oversightNotes", "Human-oversight check", 4000);
    in.throwIfInvalid();
    int period = (Integer) task.getVariableLocal(CaseVariables.REPORTING_PERIOD);
    monitoring.recordAiReview(task.getExecution().getProcessBusinessKey(), new MonitoringService.AiReview(period,
        bias, performance, incidents, effective == Answer.YES, notes, null), actors.current(task));
  }
}
