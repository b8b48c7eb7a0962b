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

/**
 * Task_FileMonitoringReport: a measurement for every indicator framed with the challenge, in the indicator's unit;
 * the progress of each pending delivery milestone; and the narrative.
 */
@Component("fileMonitoringReportForm")
public class FileMonitoringReportForm extends TaskForm {

  private static final BigDecimal LIMIT = new BigDecimal("999999999999999");
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private final MonitoringService monitoring;
  private final DeliveryService delivery;
  private final Actors actors;
  private final java.time.Clock clock;

  public FileMonitoringReportForm(MonitoringService monitoring, DeliveryService delivery, Actors actors,
                                  java.time.Clock clock) {
    this.monitoring = monitoring;
    this.delivery = delivery;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    data.put("measurements", monitoring.indicators(task.getExecution().getProcessBusinessKey()).stream().map(i -> {
      Map<String, Object> row = new HashMap<>();
      row.put("indicatorId", i.id());
      row.put("indicator", i.name() + " (" + i.unit() + ")");
      row.put("goal", i.describe());
      row.put("unit", i.unit());
      return row;
    }).toList());
    data.put("milestones", delivery.milestones(task.getExecution().getProcessBusinessKey()).stream()
        .filter(m -> m.status() == DeliveryService.MilestoneStatus.PENDING).map(m -> {
          Map<String, Object> row = new HashMap<>();
          row.put("milestoneId", m.id());
          row.put("milestone", m.label());
          row.put("milestoneStatus", m.status().name());
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
      String unit = row.text("unit", "Unit", 50);
      Indicator indicator = id == null ? null
          : indicators.stream().filter(i -> i.id() == id).findFirst().orElse(null);
      if (id != null && indicator == null) {
        row.problem("indicator " + id + " is not one of this case's indicators");
      } else if (indicator != null && unit != null && !unit.equals(indicator.unit())) {
        row.problem(indicator.name() + " is measured in " + indicator.unit() + ", not in " + unit);
      } else if (indicator != null && value != null && isPercentage(indicator.unit())
          && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
        row.problem(indicator.name() + " is a percentage: " + value.toPlainString() + " is not between 0 and 100");
      } else if (id != null && measured.put(id.longValue(), value) != null) {
        row.problem("indicator " + id + " is measured twice");
      }
    }
    List<Long> completed = new java.util.ArrayList<>();
    List<DeliveryService.Milestone> milestones = delivery.milestones(key);
    for (FormInput row : in.rows("milestones", "Milestone", 0, milestones.size())) {
      Integer id = row.whole("milestoneId", "Milestone reference", 1, Integer.MAX_VALUE);
      DeliveryService.MilestoneStatus status = row.choice("milestoneStatus", "Status",
          DeliveryService.MilestoneStatus.class);
      if (id != null && milestones.stream().noneMatch(m -> m.id() == id)) {
        row.problem("milestone " + id + " is not one of this case's milestones");
      } else if (id != null && status == DeliveryService.MilestoneStatus.COMPLETED) {
        completed.add(id.longValue());
      }
    }
    String progress = in.text("progress", "Progress on delivery", 4000);
    in.throwIfInvalid();
    String by = actors.current(task);
    monitoring.fileReport(key, progress, measured, by);
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    completed.forEach(id -> delivery.complete(key, id, today, "Reported completed", by));
  }

  private static boolean isPercentage(String unit) {
    return unit.equals("%") || unit.equalsIgnoreCase("percent");
  }
}
