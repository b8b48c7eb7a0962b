package org.openchallenge.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.openchallenge.cases.CaseService;
import org.openchallenge.need.Indicator;
import org.openchallenge.need.NeedService;
import org.openchallenge.platform.ApiException;
import org.openchallenge.publication.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the contract fixes for delivery: the indicator targets agreed with the supplier (every change kept with its
 * reason, old and new value) and the delivery milestones with their status.
 */
@Service
public class DeliveryService {

  public enum MilestoneStatus { PENDING, COMPLETED }

  public record Milestone(long id, int position, String name, LocalDate dueDate, MilestoneStatus status,
                          LocalDate completedOn, String note) {

    public String label() {
      return name + " (due " + dueDate + ")";
    }
  }

  public record PlannedMilestone(String name, LocalDate dueDate) {
  }

  public record TargetChange(long indicatorId, String indicator, String unit, BigDecimal oldTarget,
                             BigDecimal newTarget, String reason, String changedBy, OffsetDateTime changedAt) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final NeedService need;
  private final Ledger ledger;
  private final Clock clock;

  public DeliveryService(JdbcClient db, CaseService cases, NeedService need, Ledger ledger, Clock clock) {
    this.db = db;
    this.cases = cases;
    this.need = need;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Sets an indicator's target as agreed with the supplier. The previous target and the reason are kept; an
   * unchanged target is a confirmation and records nothing.
   */
  public void agreeTarget(String businessKey, long indicatorId, BigDecimal newTarget, String reason, String by) {
    long caseId = cases.require(businessKey).id();
    Indicator indicator = need.indicators(caseId).stream().filter(i -> i.id() == indicatorId).findFirst()
        .orElseThrow(() -> ApiException.badRequest("Indicator " + indicatorId + " is not one of this case's"));
    if (indicator.target().compareTo(newTarget) == 0) {
      return;
    }
    if (reason == null || reason.isBlank()) {
      throw ApiException.badRequest("A reason is required to change the target of " + indicator.name());
    }
    db.sql("""
        insert into indicator_target_change (case_id, indicator_id, old_target, new_target, reason, changed_by,
          changed_at) values (:c, :i, :old, :new, :reason, :by, :at)""")
        .param("c", caseId).param("i", indicatorId).param("old", indicator.target()).param("new", newTarget)
        .param("reason", reason).param("by", by).param("at", OffsetDateTime.now(clock)).update();
    need.setTarget(caseId, indicatorId, newTarget);
    ledger.record(businessKey, "target.adjusted", indicator.name(), by, Map.of("indicator", indicator.name(),
        "unit", indicator.unit(), "oldTarget", indicator.target().stripTrailingZeros().toPlainString(),
        "newTarget", newTarget.stripTrailingZeros().toPlainString(), "reason", reason));
  }

  public List<TargetChange> targetChanges(String businessKey) {
    return db.sql("""
        select t.*, i.name, i.unit from indicator_target_change t join outcome_indicator i on i.id = t.indicator_id
        where t.case_id = :c order by t.id""").param("c", cases.require(businessKey).id())
        .query((rs, n) -> new TargetChange(rs.getLong("indicator_id"), rs.getString("name"), rs.getString("unit"),
            rs.getBigDecimal("old_target"), rs.getBigDecimal("new_target"), rs.getString("reason"),
            rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class)))
        .list();
  }

  public void planMilestones(String businessKey, List<PlannedMilestone> planned, String by) {
    long caseId = cases.require(businessKey).id();
    int position = 1;
    for (PlannedMilestone m : planned) {
      db.sql("""
          insert into delivery_milestone (case_id, position, name, due_date, status, updated_at)
          values (:c, :p, :name, :due, :status, :at)""")
          .param("c", caseId).param("p", position++).param("name", m.name()).param("due", m.dueDate())
          .param("status", MilestoneStatus.PENDING.name()).param("at", OffsetDateTime.now(clock)).update();
      ledger.record(businessKey, "milestone.planned", m.name(), by,
          Map.of("milestone", m.name(), "dueDate", m.dueDate().toString()));
    }
  }

  public List<Milestone> milestones(String businessKey) {
    return db.sql("select * from delivery_milestone where case_id = :c order by position")
        .param("c", cases.require(businessKey).id()).query((rs, n) -> milestone(rs)).list();
  }

  public Milestone milestone(String businessKey, long milestoneId) {
    return db.sql("select * from delivery_milestone where id = :id and case_id = :c").param("id", milestoneId)
        .param("c", cases.require(businessKey).id()).query((rs, n) -> milestone(rs)).optional()
        .orElseThrow(() -> ApiException.badRequest("Milestone " + milestoneId + " is not one of this case's"));
  }

  /** Marks a milestone completed on the given day; completing a completed milestone changes nothing. */
  public void complete(String businessKey, long milestoneId, LocalDate on, String note, String by) {
    Milestone m = milestone(businessKey, milestoneId);
    if (m.status() == MilestoneStatus.COMPLETED) {
      return;
    }
    update(m.id(), MilestoneStatus.COMPLETED, m.dueDate(), on, note);
    ledger.record(businessKey, "milestone.completed", m.name(), by,
        Map.of("milestone", m.name(), "dueDate", m.dueDate().toString(), "completedOn", on.toString()));
  }

  /** Moves an overdue milestone's due date; the reason is published with the old and new date. */
  public void reschedule(String businessKey, long milestoneId, LocalDate newDue, String reason, String by) {
    Milestone m = milestone(businessKey, milestoneId);
    update(m.id(), MilestoneStatus.PENDING, newDue, null, reason);
    ledger.record(businessKey, "milestone.rescheduled", m.name(), by, Map.of("milestone", m.name(),
        "oldDueDate", m.dueDate().toString(), "newDueDate", newDue.toString(), "reason", reason));
  }

  private void update(long id, MilestoneStatus status, LocalDate due, LocalDate completedOn, String note) {
    db.sql("""
        update delivery_milestone set status = :s, due_date = :due, completed_on = :done, note = :note,
          updated_at = :at where id = :id""")
        .param("s", status.name()).param("due", due).param("done", completedOn).param("note", note)
        .param("at", OffsetDateTime.now(clock)).param("id", id).update();
  }

  private static Milestone milestone(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Milestone(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
        rs.getObject("due_date", LocalDate.class), MilestoneStatus.valueOf(rs.getString("status")),
        rs.getObject("completed_on", LocalDate.class), rs.getString("note"));
  }
}
