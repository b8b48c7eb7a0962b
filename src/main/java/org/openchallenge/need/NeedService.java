package org.openchallenge.need;

import org.openchallenge.publication.Ledger;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Need opening: framing the challenge, consulting stakeholders, and the decision to publish. */
@Service
public class NeedService {

  public enum Stance { SUPPORT, SUPPORT_WITH_CHANGES, OPPOSE }

  public record Framing(String question, String constraints, List<Indicator> indicators, List<String> stakeholders,
                        int consultationDays, int researchMonths, int intakeWeeks) {
  }

  public record ConsultationInput(String stakeholder, Stance stance, String input, OffsetDateTime submittedAt) {
  }

  private final Ledger ledger;
  private final JdbcClient db;
  private final CaseService cases;
  private final Clock clock;

  public NeedService(JdbcClient db, CaseService cases, Clock clock, Ledger ledger) {
    this.ledger = ledger;
    this.db = db;
    this.cases = cases;
    this.clock = clock;
  }

  /** Stores the framing; on rework it replaces the earlier one, indicators and invited stakeholders included. */
  public void frame(String businessKey, Framing f, String by) {
    long caseId = cases.require(businessKey).id();
    int updated = db.sql("""
        update challenge set question = :q, constraints_text = :c, consultation_days = :cd, research_months = :rm,
          intake_weeks = :iw, framed_by = :by, framed_at = :at where case_id = :id""")
        .params(framingParams(caseId, f, by)).update();
    if (updated == 0) {
      db.sql("""
          insert into challenge (case_id, question, constraints_text, consultation_days, research_months, intake_weeks,
            framed_by, framed_at) values (:id, :q, :c, :cd, :rm, :iw, :by, :at)""")
          .params(framingParams(caseId, f, by)).update();
    }
    db.sql("delete from outcome_indicator where case_id = :id").param("id", caseId).update();
    int position = 1;
    for (Indicator i : f.indicators()) {
      db.sql("""
          insert into outcome_indicator (case_id, position, name, unit, baseline, target, direction)
          values (:id, :pos, :name, :unit, :baseline, :target, :direction)""")
          .param("id", caseId).param("pos", position++).param("name", i.name()).param("unit", i.unit())
          .param("baseline", i.baseline()).param("target", i.target()).param("direction", i.direction().name())
          .update();
    }
    db.sql("delete from case_stakeholder where case_id = :id").param("id", caseId).update();
    for (String s : f.stakeholders()) {
      db.sql("insert into case_stakeholder (case_id, username) values (:id, :u)").param("id", caseId).param("u", s)
          .update();
    }
  }

  private java.util.Map<String, Object> framingParams(long caseId, Framing f, String by) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("id", caseId);
    p.put("q", f.question());
    p.put("c", f.constraints());
    p.put("cd", f.consultationDays());
    p.put("rm", f.researchMonths());
    p.put("iw", f.intakeWeeks());
    p.put("by", by);
    p.put("at", now());
    return p;
  }

  public Optional<Challenge> challenge(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select * from challenge where case_id = :id").param("id", c.id())
        .query((rs, n) -> new Challenge(c.id(), rs.getString("question"), rs.getString("constraints_text"),
            rs.getInt("consultation_days"), rs.getInt("research_months"), rs.getInt("intake_weeks"),
            rs.getString("consolidation"), rs.getString("publication_comment"),
            rs.getObject("published_at", OffsetDateTime.class), indicators(c.id()), stakeholders(c.id())))
        .optional();
  }

  public List<Indicator> indicators(long caseId) {
    return db.sql("select * from outcome_indicator where case_id = :id order by position").param("id", caseId)
        .query((rs, n) -> new Indicator(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
            rs.getString("unit"), rs.getBigDecimal("baseline"), rs.getBigDecimal("target"),
            Indicator.Direction.valueOf(rs.getString("direction"))))
        .list();
  }

  private List<String> stakeholders(long caseId) {
    return db.sql("select username from case_stakeholder where case_id = :id order by username")
        .param("id", caseId).query(String.class).list();
  }

  /** The target of an indicator as agreed at contract time (monitoring keeps the change and its reason). */
  public void setTarget(long caseId, long indicatorId, java.math.BigDecimal target) {
    db.sql("update outcome_indicator set target = :t where id = :i and case_id = :c").param("t", target)
        .param("i", indicatorId).param("c", caseId).update();
  }

  public void recordConsultationInput(String businessKey, String stakeholder, Stance stance, String input) {
    db.sql("""
        insert into consultation_input (case_id, stakeholder, stance, input, submitted_at)
        values (:id, :s, :stance, :input, :at)""")
        .param("id", cases.require(businessKey).id()).param("s", stakeholder).param("stance", stance.name())
        .param("input", input).param("at", now()).update();
  }

  public List<ConsultationInput> consultationInputs(String businessKey) {
    return db.sql("select * from consultation_input where case_id = :id order by submitted_at, id")
        .param("id", cases.require(businessKey).id())
        .query((rs, n) -> new ConsultationInput(rs.getString("stakeholder"), Stance.valueOf(rs.getString("stance")),
            rs.getString("input"), rs.getObject("submitted_at", OffsetDateTime.class)))
        .list();
  }

  public void consolidate(String businessKey, String consolidation) {
    db.sql("update challenge set consolidation = :c where case_id = :id").param("c", consolidation)
        .param("id", cases.require(businessKey).id()).update();
  }

  public void recordPublicationComment(String businessKey, String comment) {
    db.sql("update challenge set publication_comment = :c where case_id = :id").param("c", comment)
        .param("id", cases.require(businessKey).id()).update();
  }

  public void publish(String businessKey) {
    db.sql("update challenge set published_at = :at where case_id = :id").param("at", now())
        .param("id", cases.require(businessKey).id()).update();
    Challenge ch = challenge(businessKey).orElseThrow();
    ledger.record(businessKey, "challenge.published", businessKey, null,
        java.util.Map.of("title", cases.require(businessKey).title(), "question", ch.question()));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
