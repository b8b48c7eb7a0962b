package org.openchallenge.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.platform.ApiException;
import org.openchallenge.publication.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Managers' decisions on off-track reports: a corrective plan with a follow-up date, continuing as is, or terminating
 * the contract; and the officials' follow-up of each corrective plan.
 */
@Service
public class OffTrackEscalation {

  public enum Decision { CORRECTIVE_PLAN, CONTINUE, TERMINATE }

  public record Recorded(long id, int reportPeriod, Decision decision, String reason, String correctivePlan,
                         LocalDate followUpDate, OffsetDateTime decidedAt, String followUpResult,
                         OffsetDateTime followedUpAt) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final MonitoringService monitoring;
  private final Ledger ledger;
  private final Clock clock;

  public OffTrackEscalation(JdbcClient db, CaseService cases, MonitoringService monitoring, Ledger ledger,
                            Clock clock) {
    this.db = db;
    this.cases = cases;
    this.monitoring = monitoring;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Records the decision on the latest report; a termination's reason becomes the case's published closing reason. */
  public long decide(String businessKey, Decision decision, String reason, String plan, LocalDate followUp,
                     String by) {
    ProcurementCase c = monitoring.requireOpen(businessKey);
    int period = monitoring.reportCount(c.id());
    if (period == 0) {
      throw ApiException.conflict("Case " + businessKey + " has no report to decide on");
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    db.sql("""
        insert into off_track_decision (case_id, report_period, decision, reason, corrective_plan, follow_up_date,
          decided_by, decided_at) values (:c, :p, :d, :reason, :plan, :followUp, :by, :at)""")
        .param("c", c.id()).param("p", period).param("d", decision.name()).param("reason", reason)
        .param("plan", plan).param("followUp", followUp).param("by", by).param("at", OffsetDateTime.now(clock))
        .update(keys, "id");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("report", period);
    data.put("decision", decision.name());
    data.put("reason", reason);
    if (plan != null) {
      data.put("correctivePlan", plan);
      data.put("followUpDate", followUp.toString());
    }
    ledger.record(businessKey, "offtrack.decided", "report " + period, by, data);
    if (decision == Decision.TERMINATE) {
      cases.explainClosing(businessKey, "Contract terminated: " + reason, by);
    }
    return keys.getKey().longValue();
  }

  /** The corrective plan decided last: what a follow-up scheduled right after the decision is about. */
  public long latestPlan(String businessKey) {
    return db.sql("""
        select max(id) from off_track_decision where case_id = :c and decision = 'CORRECTIVE_PLAN'""")
        .param("c", cases.require(businessKey).id()).query(Long.class).optional()
        .orElseThrow(() -> new IllegalStateException("Case " + businessKey + " has no corrective plan"));
  }

  public Recorded plan(String businessKey, long planId) {
    return decisions(businessKey).stream().filter(d -> d.id() == planId && d.decision() == Decision.CORRECTIVE_PLAN)
        .findFirst().orElseThrow(() -> ApiException.notFound("No corrective plan " + planId + " in " + businessKey));
  }

  public void followUp(String businessKey, long planId, String result, String by) {
    monitoring.requireOpen(businessKey);
    Recorded plan = plan(businessKey, planId);
    if (plan.followUpResult() != null) {
      throw ApiException.conflict("The corrective plan of report " + plan.reportPeriod() + " was already followed up");
    }
    db.sql("""
        update off_track_decision set follow_up_result = :r, followed_up_by = :by, followed_up_at = :at
        where id = :id""").param("r", result).param("by", by).param("at", OffsetDateTime.now(clock))
        .param("id", planId).update();
    ledger.record(businessKey, "plan.followedUp", "report " + plan.reportPeriod(), by,
        Map.of("report", plan.reportPeriod(), "result", result));
  }

  public List<Recorded> decisions(String businessKey) {
    return db.sql("select * from off_track_decision where case_id = :c order by report_period")
        .param("c", cases.require(businessKey).id())
        .query((rs, n) -> new Recorded(rs.getLong("id"), rs.getInt("report_period"),
            Decision.valueOf(rs.getString("decision")), rs.getString("reason"), rs.getString("corrective_plan"),
            rs.getObject("follow_up_date", LocalDate.class), rs.getObject("decided_at", OffsetDateTime.class),
            rs.getString("follow_up_result"), rs.getObject("followed_up_at", OffsetDateTime.class)))
        .list();
  }
}
