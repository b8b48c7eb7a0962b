package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openchallenge.award.AwardService;
import org.springframework.stereotype.Component;

/** What the monitoring decisions ask about the case ({@code ${monitoringFacts...}}), computed from its tables. */
@Component("monitoringFacts")
public class MonitoringFacts {

  private final MonitoringService monitoring;
  private final AwardService award;

  public MonitoringFacts(MonitoringService monitoring, AwardService award) {
    this.monitoring = monitoring;
    this.award = award;
  }

  /** Task_ClassifyReport's input: the progress gap of the case's latest report. */
  public double progressGap(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    AwardService.Contract contract = award.contract(key).orElseThrow(
        () -> new IllegalStateException("Case " + key + " is monitored without a contract"));
    return monitoring.progressGap(key, contract.startDate(), contract.endDate());
  }
}
