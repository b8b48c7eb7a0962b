package org.openchallenge.monitoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.need.Indicator;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_FileMonitoringReport: a measurement for every indicator framed with the challenge, and the progress. */
@Component("fileMonitoringReportForm")
public class FileMonitoringReportForm extends TaskForm {

  private static final BigDecimal LIMIT = new BigDecimal("999999999999999");
  private final MonitoringService monitoring;
  private final Actors actors;

  public FileMonitoringReportForm(MonitoringService monitoring, Actors actors) {
    this.monitoring = monitoring;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    data.put("measurements", monitoring.indicators(task.getExecution().getProcessBusinessKey()).stream().map(i -> {
      Map<String, Object> row = new HashMap<>();
      row.put("indicatorId", i.id());
      row.put("indicator", i.name() + " (" + i.unit() + ")");
      row.put("goal", i.describe());
      return row;
    }).toList());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    List<Indicator> indicators = monitoring.indicators(key);
    Map<Long, BigDecimal> measured = new LinkedHashMap<>();
    for (FormInput row : in.rows("measurements", "Measurement", indicators.size(), indicators.size())) {
      Integer id = row.whole("indicatorId", "Indicator reference", 1, Integer.MAX_VALUE);
      BigDecimal value = row.decimal("value", "Measured value", LIMIT.negate(), LIMIT);
      if (id != null && indicators.stream().noneMatch(i -> i.id() == id)) {
        row.problem("indicator " + id + " is not one of this case's indicators");
      } else if (id != null && measured.put(id.longValue(), value) != null) {
        row.problem("indicator " + id + " is measured twice");
      }
    }
    String progress = in.text("progress", "Progress on delivery", 4000);
    in.throwIfInvalid();
    monitoring.fileReport(key, progress, measured, actors.current(task));
  }
}
