package org.openchallenge.cases;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CaseRepository {

  private final JdbcClient db;

  public CaseRepository(JdbcClient db) {
    this.db = db;
  }

  /** Inserts a case and gives it its business key, PC-yyyy-nnnnnn from its number. */
  public ProcurementCase insert(NeedDraft need, String openedBy, OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    db.sql("""
        insert into procurement_case (business_key, title, problem, public_value, department, budget_envelope,
          currency, involves_ai, phase, opened_by, opened_at)
        values (:pending, :title, :problem, :publicValue, :department, :budget, :currency, :ai, :phase, :by, :at)""")
        .param("pending", "pending-" + java.util.UUID.randomUUID().toString().substring(0, 30))
        .param("title", need.title()).param("problem", need.problem()).param("publicValue", need.publicValue())
        .param("department", need.department()).param("budget", need.budgetEnvelope())
        .param("currency", need.currency()).param("ai", need.involvesAi())
        .param("phase", CasePhase.NEED_OPENING.name()).param("by", openedBy).param("at", now)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    String businessKey = "PC-%d-%06d".formatted(now.getYear(), id);
    db.sql("update procurement_case set business_key = :key where id = :id").param("key", businessKey)
        .param("id", id).update();
    return find(businessKey).orElseThrow();
  }

  public Optional<ProcurementCase> find(String businessKey) {
    return db.sql("select * from procurement_case where business_key = :key").param("key", businessKey)
        .query(CaseRepository::map).optional();
  }

  public List<ProcurementCase> list(int limit, int offset) {
    return db.sql("select * from procurement_case order by id desc limit :limit offset :offset")
        .param("limit", limit).param("offset", offset).query(CaseRepository::map).list();
  }

  public void setPhase(long id, CasePhase phase) {
    db.sql("update procurement_case set phase = :phase where id = :id").param("phase", phase.name()).param("id", id)
        .update();
  }

  /** Records how the case ended; a reason given earlier (a cancellation) is kept. */
  public void close(long id, CaseOutcome outcome, String by, OffsetDateTime at) {
    db.sql("""
        update procurement_case set phase = :phase, outcome = :outcome, closed_by = coalesce(closed_by, :by),
          closed_at = :at where id = :id""")
        .param("phase", CasePhase.ENDED.name()).param("outcome", outcome.name()).param("by", by).param("at", at)
        .param("id", id).update();
  }

  public void recordClosingReason(long id, String reason, String by) {
    db.sql("update procurement_case set outcome_reason = :reason, closed_by = :by where id = :id")
        .param("reason", reason).param("by", by).param("id", id).update();
  }

  public int startNextResearchRound(long id) {
    db.sql("update procurement_case set research_round = research_round + 1 where id = :id").param("id", id).update();
    return db.sql("select research_round from procurement_case where id = :id").param("id", id)
        .query(Integer.class).single();
  }

  public int startNextJuryRound(long id) {
    db.sql("update procurement_case set jury_round = jury_round + 1 where id = :id").param("id", id).update();
    return db.sql("select jury_round from procurement_case where id = :id").param("id", id)
        .query(Integer.class).single();
  }

  static ProcurementCase map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new ProcurementCase(rs.getLong("id"), rs.getString("business_key"), rs.getString("title"),
        rs.getString("problem"), rs.getString("public_value"), rs.getString("department"),
        rs.getBigDecimal("budget_envelope"), rs.getString("currency").strip(), rs.getBoolean("involves_ai"),
        CasePhase.valueOf(rs.getString("phase")), rs.getInt("research_round"), rs.getInt("jury_round"),
        outcome == null ? null : CaseOutcome.valueOf(outcome), rs.getString("outcome_reason"),
        rs.getString("opened_by"), rs.getObject("opened_at", OffsetDateTime.class), rs.getString("closed_by"),
        rs.getObject("closed_at", OffsetDateTime.class));
  }

  /** What the official enters when opening a need (the start form). */
  public record NeedDraft(String title, String problem, String publicValue, String department,
                          BigDecimal budgetEnvelope, String currency, boolean involvesAi) {
  }
}
