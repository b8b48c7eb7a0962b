package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.openchallenge.cases.CaseVariables;
import org.springframework.stereotype.Component;

/** Task_ClassifyReport (end): stores the decision table's classification on the report and publishes it. */
@Component("recordReportStatus")
public class RecordReportStatus implements ExecutionListener {

  private final MonitoringService monitoring;

  public RecordReportStatus(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public void notify(DelegateExecution execution) {
    monitoring.classifyLatestReport(execution.getProcessBusinessKey(), CaseVariables.REPORT_STATUS.get(execution));
  }
}
