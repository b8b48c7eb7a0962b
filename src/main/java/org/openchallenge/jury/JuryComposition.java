package org.openchallenge.jury;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.intake.JuryMembership;
import org.openchallenge.intake.Solution;
import org.openchallenge.intake.SolutionRepository;
import org.openchallenge.publication.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who sits on the jury of each round and what it considers: the round's start, Task_ComposeJury, Task_ConfirmJury
 * and the scoring deadline. Also answers intake's {@link JuryMembership}.
 */
@Service
class JuryComposition implements JuryMembership {

  enum SeatType { OFFICIAL, CITIZEN, CIVIC_LEADER, DOMAIN_EXPERT, TECHNICAL_EXPERT }

  record Member(String username, SeatType seatType, boolean qualified) {
  }

  record Composition(List<Member> members, boolean qualificationRequired, OffsetDateTime scoringDeadline) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final SolutionRepository solutions;
  private final Clock clock;
  private final Ledger ledger;

  JuryComposition(JdbcClient db, CaseService cases, SolutionRepository solutions, Clock clock, Ledger ledger) {
    this.db = db;
    this.cases = cases;
    this.solutions = solutions;
    this.clock = clock;
    this.ledger = ledger;
  }

  /** A deliberation starts a new jury round (the first, or one after the award was referred back). */
  int startRound(String businessKey) {
    return cases.startNextJuryRound(businessKey);
  }

  /** The jury's members of the current round, in the order they were proposed. */
  List<Member> members(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select * from jury_member where case_id = :c and jury_round = :r order by username")
        .param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> new Member(rs.getString("username"), SeatType.valueOf(rs.getString("seat_type")),
            rs.getBoolean("qualified"))).list();
  }

  Optional<Composition> composition(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select * from jury_composition where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> new Composition(members(businessKey), rs.getBoolean("qualification_required"),
            rs.getObject("scoring_deadline", OffsetDateTime.class))).optional();
  }

  /** Every solution the jury may consider: those screened eligible in any intake round of the case. */
  List<Solution> eligibleSolutions(String businessKey) {
    return solutions.withStatus(cases.require(businessKey).id(), Solution.Status.ELIGIBLE);
  }

  /** Proposes (or revises) the current round's jury; it takes effect once it passes the composition check. */
  void compose(String businessKey, Composition composition, String by) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("delete from jury_member where case_id = :c and jury_round = :r").param("c", c.id())
        .param("r", c.juryRound()).update();
    for (Member m : composition.members()) {
      db.sql("""
          insert into jury_member (case_id, jury_round, username, seat_type, qualified) values (:c, :r, :u, :s, :q)""")
          .param("c", c.id()).param("r", c.juryRound()).param("u", m.username()).param("s", m.seatType().name())
          .param("q", m.qualified()).update();
    }
    Map<String, Object> p = new HashMap<>();
    p.put("c", c.id());
    p.put("r", c.juryRound());
    p.put("q", composition.qualificationRequired());
    p.put("d", composition.scoringDeadline());
    p.put("by", by);
    p.put("at", OffsetDateTime.now(clock));
    if (db.sql("""
        update jury_composition set qualification_required = :q, scoring_deadline = :d, override_justification = null,
          overridden_by = null, composed_by = :by, composed_at = :at where case_id = :c and jury_round = :r""")
        .params(p).update() == 0) {
      db.sql("""
          insert into jury_composition (case_id, jury_round, qualification_required, scoring_deadline, composed_by,
            composed_at) values (:c, :r, :q, :d, :by, :at)""").params(p).update();
    }
  }

  /** The jury passed its check: record the composition (names and seat types are public only after the decision). */
  void confirmComposition(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    List<Member> members = members(businessKey);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("round", c.juryRound());
    data.put("size", members.size());
    data.put("jurors", members.stream().map(m -> Map.of("juror", m.username(), "seatType", m.seatType().name()))
        .toList());
    ledger.record(businessKey, "jury.composed", "jury round " + c.juryRound(), null, data);
  }

  Date scoringDeadline(String businessKey) {
    return composition(businessKey).map(cp -> Date.from(cp.scoringDeadline().toInstant()))
        .orElseThrow(() -> new IllegalStateException("No jury composed for " + businessKey));
  }

  /** Whether the user sits, or sat, on the case's jury (any round). */
  @Override
  public boolean isJuror(String businessKey, String username) {
    return db.sql("""
        select count(*) from jury_member m join procurement_case c on c.id = m.case_id
        where c.business_key = :k and m.username = :u""").param("k", businessKey).param("u", username)
        .query(Long.class).single() > 0;
  }
}
