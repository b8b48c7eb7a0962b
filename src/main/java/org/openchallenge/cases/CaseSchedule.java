package org.openchallenge.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openchallenge.platform.ModelExpressionBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timers of the lifecycle, per case: the BPMN timer definitions call this bean ({@code ${caseSchedule...}}), and
 * it reads the durations and dates the official set on the case.
 */
@ModelExpressionBean
@Component("caseSchedule")
public class CaseSchedule {

  private final JdbcClient db;

  public CaseSchedule(JdbcClient db) {
    this.db = db;
  }

  /** Timer_ConsultationWindowClosed: ISO-8601 duration. */
  public String consultationWindow(DelegateExecution execution) {
    return "P" + challengeSetting(execution, "consultation_days") + "D";
  }

  /** Timer_ResearchWindowElapsed: ISO-8601 duration (default three months, set when framing the challenge). */
  public String researchWindow(DelegateExecution execution) {
    return "P" + challengeSetting(execution, "research_months") + "M";
  }

  /** Event_IntakeDeadlinePassed: the deadline fixed when the current intake round opened. */
  public Date intakeDeadline(DelegateExecution execution) {
    OffsetDateTime deadline = db.sql("""
        select w.deadline from intake_window w join procurement_case c on c.id = w.case_id
        where c.business_key = :key and w.research_round = c.research_round""")
        .param("key", execution.getProcessBusinessKey()).query(OffsetDateTime.class).single();
    return Date.from(deadline.toInstant());
  }

  /** Event_ReportingPeriodElapsed: ISO-8601 duration from the contract. */
  public String reportingPeriod(DelegateExecution execution) {
    return "P" + contractSetting(execution, "reporting_months", Integer.class) + "M";
  }

  /** Timer_ContractEnded: the start of the day after the contract's last day. */
  public Date contractEnd(DelegateExecution execution) {
    LocalDate end = contractSetting(execution, "end_date", LocalDate.class);
    return startOfDayAfter(end);
  }

  /** Event_MilestoneDue: the start of the day after the milestone's due date (read again after a reschedule). */
  public Date milestoneDue(DelegateExecution execution) {
    LocalDate due = db.sql("select due_date from delivery_milestone where id = :id")
        .param("id", ((Number) execution.getVariable(CaseVariables.MILESTONE_ID)).longValue())
        .query(LocalDate.class).single();
    return startOfDayAfter(due);
  }

  /** Event_FollowUpDue: the start of the corrective plan's follow-up day. */
  public Date correctivePlanFollowUp(DelegateExecution execution) {
    LocalDate due = db.sql("select follow_up_date from off_track_decision where id = :id")
        .param("id", ((Number) execution.getVariable(CaseVariables.CORRECTIVE_PLAN_ID)).longValue())
        .query(LocalDate.class).single();
    return Date.from(due.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private static Date startOfDayAfter(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private int challengeSetting(DelegateExecution execution, String column) {
    return db.sql("select ch." + column + " from challenge ch join procurement_case c on c.id = ch.case_id "
        + "where c.business_key = :key").param("key", execution.getProcessBusinessKey())
        .query(Integer.class).single();
  }

  private <T> T contractSetting(DelegateExecution execution, String column, Class<T> type) {
    return db.sql("select k." + column + " from contract k join procurement_case c on c.id = k.case_id "
        + "where c.business_key = :key").param("key", execution.getProcessBusinessKey()).query(type).single();
  }
}
