package org.openchallenge.monitoring;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.award.AwardService;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_DecideOffTrackReport: managers decide on a report classified off track: a corrective action plan with a
 * follow-up date within the contract, continuing as planned, or terminating the contract. Each needs a reason.
 */
@Component("decideOffTrackReportForm")
public class DecideOffTrackReportForm extends TaskForm {

  private final OffTrackEscalation escalation;
  private final MonitoringService monitoring;
  private final AwardService award;
  private final CaseService cases;
  private final Actors actors;
  private final Clock clock;

  public DecideOffTrackReportForm(OffTrackEscalation escalation, MonitoringService monitoring, AwardService award,
                                  CaseService cases, Actors actors, Clock clock) {
    this.escalation = escalation;
    this.monitoring = monitoring;
    this.award = award;
    this.cases = cases;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    ProcurementCase c = cases.require(key);
    data.put("caseTitle", c.title())
        .put("reportSummary", "Report " + monitoring.reportCount(c.id()) + ": "
            + CaseVariables.REPORT_STATUS.get(task.getExecution()))
        .put("measurementSummary", monitoring.indicatorResults(key));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    OffTrackEscalation.Decision decision = in.choice(CaseVariables.OFF_TRACK_DECISION.name(), "Decision",
        OffTrackEscalation.Decision.class);
    String reason = in.text("decisionReason", "Reason", 4000);
    String plan = null;
    LocalDate followUp = null;
    if (decision == OffTrackEscalation.Decision.CORRECTIVE_PLAN) {
      plan = in.text("correctivePlan", "Corrective action plan", 4000);
      followUp = in.date("followUpDate", "Follow-up due date", cases.earliestDate(key), cases.latestDate());
      LocalDate contractEnd = award.contract(key).orElseThrow().endDate();
      if (followUp != null && !followUp.isAfter(LocalDate.now(clock))) {
        in.problem("Follow-up due date must be in the future");
      } else if (followUp != null && followUp.isAfter(contractEnd)) {
        in.problem("Follow-up due date must fall before the contract ends on " + contractEnd);
      }
    }
    in.throwIfInvalid();
    escalation.decide(key, decision, reason, plan, followUp, actors.current(task));
    CaseVariables.OFF_TRACK_DECISION.set(task.getExecution(), decision.name());
    CaseVariables.CONTRACT_TERMINATED.set(task.getExecution(), decision == OffTrackEscalation.Decision.TERMINATE);
  }
}
