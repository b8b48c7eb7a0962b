package org.openchallenge.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.award.AwardService;
import org.openchallenge.cases.CaseService;
import org.openchallenge.intake.Solution;
import org.openchallenge.need.Indicator;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.Codes;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_RecordContract: the official records the signed contract with the awarded provider, confirms or adjusts each
 * indicator's target as agreed with the supplier (a change needs a reason), and plans the delivery milestones.
 * It belongs to monitoring, which owns targets and milestones; the contract itself goes through award's API.
 */
@Component("recordContractForm")
public class RecordContractForm extends TaskForm {

  private static final BigDecimal LIMIT = new BigDecimal("999999999999999");
  private static final int MAX_MILESTONES = 20;

  private final AwardService award;
  private final DeliveryService delivery;
  private final MonitoringService monitoring;
  private final Actors actors;
  private final CaseService cases;

  public RecordContractForm(AwardService award, DeliveryService delivery, MonitoringService monitoring,
                            Actors actors, CaseService cases) {
    this.cases = cases;
    this.award = award;
    this.delivery = delivery;
    this.monitoring = monitoring;
    this.actors = actors;
  }

  private record AgreedTarget(long indicatorId, BigDecimal target, String reason) {
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    Solution awarded = award.awardedSolution(task.getExecution().getProcessBusinessKey());
    data.put("awardedSolution", awarded.label()).put("supplier", awarded.organisationName()).put("currency", "EUR")
        .put("reportingMonths", 3)
        .put("targets", monitoring.indicators(task.getExecution().getProcessBusinessKey()).stream().map(i -> {
          Map<String, Object> row = new HashMap<>();
          row.put("indicatorId", i.id());
          row.put("indicator", i.name() + " (" + i.unit() + ", " + i.direction().name().toLowerCase() + ")");
          row.put("framedTarget", i.target().stripTrailingZeros().toPlainString() + " " + i.unit());
          row.put("target", i.target());
          return row;
        }).toList());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    String supplier = in.text("supplier", "Supplier", 200);
    BigDecimal value = in.decimal("contractValue", "Contract value", new BigDecimal("0.01"),
        new BigDecimal("9999999999999"));
    String currency = in.text("currency", "Currency", 3);
    if (currency != null && !Codes.isCurrency(currency)) {
      in.problem("Currency must be an ISO 4217 currency code such as EUR");
    }
    LocalDate earliest = cases.earliestDate(key);
    LocalDate latest = cases.latestDate();
    LocalDate start = in.date("startDate", "Start date", earliest, latest);
    LocalDate end = in.date("endDate", "End date", earliest, latest);
    if (start != null && end != null && !end.isAfter(start)) {
      in.problem("End date must be after the start date");
    }
    Integer months = in.whole("reportingMonths", "Reporting period (months)", 1, 12);
    List<AgreedTarget> targets = targets(key, in);
    List<DeliveryService.PlannedMilestone> milestones = milestones(in, start, end, earliest, latest);
    in.throwIfInvalid();
    String by = actors.current(task);
    award.recordContract(key, new AwardService.Contract(award.awardedSolution(key).id(), supplier, value, currency,
        start, end, months), by);
    targets.forEach(t -> delivery.agreeTarget(key, t.indicatorId(), t.target(), t.reason(), by));
    delivery.planMilestones(key, milestones, by);
  }

  /** One row per framed indicator: the target as agreed; a target that differs from the framed one needs a reason. */
  private List<AgreedTarget> targets(String key, FormInput in) {
    List<Indicator> indicators = monitoring.indicators(key);
    Map<Long, AgreedTarget> agreed = new LinkedHashMap<>();
    for (FormInput row : in.rows("targets", "Target", indicators.size(), indicators.size())) {
      Integer id = row.whole("indicatorId", "Indicator reference", 1, Integer.MAX_VALUE);
      BigDecimal target = row.decimal("target", "Agreed target", LIMIT.negate(), LIMIT);
      String reason = row.optionalText("targetReason", "Reason for the change", 4000);
      Indicator indicator = id == null ? null
          : indicators.stream().filter(i -> i.id() == id).findFirst().orElse(null);
      if (id != null && indicator == null) {
        row.problem("indicator " + id + " is not one of this case's indicators");
      } else if (indicator != null && target != null) {
        if (indicator.target().compareTo(target) != 0 && reason == null) {
          row.problem("changing the target of " + indicator.name() + " from "
              + indicator.target().stripTrailingZeros().toPlainString() + " needs a reason");
        }
        String direction = indicator.direction().describeTarget(indicator.baseline(), target);
        if (indicator.target().compareTo(target) != 0 && direction != null) {
          row.problem("the target of " + indicator.name() + " " + direction);
        }
        if (agreed.put(indicator.id(), new AgreedTarget(indicator.id(), target, reason)) != null) {
          row.problem("indicator " + id + " appears twice");
        }
      }
    }
    return List.copyOf(agreed.values());
  }

  private List<DeliveryService.PlannedMilestone> milestones(FormInput in, LocalDate start, LocalDate end,
                                                            LocalDate earliest, LocalDate latest) {
    List<DeliveryService.PlannedMilestone> planned = new ArrayList<>();
    for (FormInput row : in.rows("milestones", "Milestone", 0, MAX_MILESTONES)) {
      String name = row.text("milestoneName", "Name", 200);
      LocalDate due = row.date("dueDate", "Due date", earliest, latest);
      if (due != null && start != null && end != null && (due.isBefore(start) || due.isAfter(end))) {
        row.problem("the due date " + due + " must fall within the contract, " + start + " to " + end);
      }
      if (name != null && due != null) {
        planned.add(new DeliveryService.PlannedMilestone(name, due));
      }
    }
    return planned;
  }
}
