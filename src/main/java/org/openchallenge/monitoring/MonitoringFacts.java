package org.openchallenge.monitoring;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openchallenge.award.AwardService;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.ModelExpressionBean;
import org.springframework.stereotype.Component;

/** What the monitoring decisions ask about the case ({@code ${monitoringFacts...}}), computed from its tables. */
@ModelExpressionBean
@Component("monitoringFacts")
public class MonitoringFacts {

  private final MonitoringService monitoring;
  private final AwardService award;
  private final DeliveryService delivery;
  private final OffTrackEscalation escalation;

  public MonitoringFacts(MonitoringService monitoring, AwardService award, DeliveryService delivery,
                         OffTrackEscalation escalation) {
    this.monitoring = monitoring;
    this.award = award;
    this.delivery = delivery;
    this.escalation = escalation;
  }

  /** SubProcess_MilestoneWatch's collection: one instance per planned milestone. */
  public List<Long> milestoneIds(DelegateExecution execution) {
    return delivery.milestones(execution.getProcessBusinessKey()).stream().map(DeliveryService.Milestone::id)
        .toList();
  }

  /** Gateways of the milestone watch: whether this instance's milestone is still pending. */
  public boolean milestonePending(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(CaseVariables.MILESTONE_ID)).longValue();
    return delivery.milestone(execution.getProcessBusinessKey(), id).status()
        == DeliveryService.MilestoneStatus.PENDING;
  }

  /** SubProcess_CorrectivePlanFollowUp's input: the plan just decided. */
  public long latestCorrectivePlan(DelegateExecution execution) {
    return escalation.latestPlan(execution.getProcessBusinessKey());
  }

  /** Task_ClassifyReport's input: the progress gap of the case's latest report. */
  public double progressGap(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    AwardService.Contract contract = award.contract(key).orElseThrow(
        () -> new IllegalStateException("Case " + key + " is monitored without a contract"));
    return monitoring.progressGap(key, contract.startDate(), contract.endDate());
  }
}
