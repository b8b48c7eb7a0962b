package org.openchallenge.jury;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.jury.BlindScoring.Standing;
import org.openchallenge.need.EvaluationCriteria;
import org.openchallenge.publication.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Task_DecideAward: the consensus, the ranking and the decision with its generated report; and the managers' review
 * of the decision, which the award module records here.
 */
@Service
public class JuryDecision {

  record Consensus(long solutionId, int rank, BigDecimal score, String rationale, boolean awarded) {
  }

  public record Decision(int juryRound, boolean awarded, Long solutionId, String reason, Boolean confirmed) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final JuryComposition composition;
  private final BlindScoring scoring;
  private final EvaluationCriteria criteria;
  private final Clock clock;
  private final Ledger ledger;

  JuryDecision(JdbcClient db, CaseService cases, JuryComposition composition, BlindScoring scoring,
               EvaluationCriteria criteria, Clock clock, Ledger ledger) {
    this.db = db;
    this.cases = cases;
    this.composition = composition;
    this.scoring = scoring;
    this.criteria = criteria;
    this.clock = clock;
    this.ledger = ledger;
  }

  /** Records the consensus on every eligible solution, the ranking and the decision, and the generated report. */
  void decide(String businessKey, List<Consensus> consensus, String reason, String by) {
    ProcurementCase c = cases.require(businessKey);
    List<Consensus> ranked = consensus.stream().sorted(Comparator.comparingInt(Consensus::rank)).toList();
    Map<Long, Standing> standings = scoring.standings(businessKey).stream()
        .collect(Collectors.toMap(st -> st.solution().id(), st -> st));
    for (Consensus k : ranked) {
      Standing st = standings.get(k.solutionId());
      db.sql("""
          insert into jury_consensus (case_id, jury_round, solution_id, rank_no, score, weighted_mean, spread,
            disagreement, rationale, awarded)
          values (:c, :r, :s, :rank, :score, :mean, :spread, :disagreement, :rationale, :awarded)""")
          .param("mean", st.weightedMean()).param("spread", st.spread()).param("disagreement", st.disagreement())
          .param("c", c.id()).param("r", c.juryRound()).param("s", k.solutionId()).param("rank", k.rank())
          .param("score", k.score()).param("rationale", k.rationale()).param("awarded", k.awarded()).update();
    }
    List<Long> awarded = ranked.stream().filter(Consensus::awarded).map(Consensus::solutionId).toList();
    Long contractSolution = awarded.isEmpty() ? null : awarded.get(0);
    String report = report(businessKey, ranked, reason);
    db.sql("""
        insert into jury_decision (case_id, jury_round, awarded, solution_id, reason, decided_by, decided_at, report)
        values (:c, :r, :awarded, :s, :reason, :by, :at, :report)""")
        .param("c", c.id()).param("r", c.juryRound()).param("awarded", !awarded.isEmpty())
        .param("s", contractSolution).param("reason", reason).param("by", by).param("at", OffsetDateTime.now(clock))
        .param("report", report).update();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("awarded", !awarded.isEmpty());
    data.put("solution", contractSolution);
    data.put("solutions", awarded);
    data.put("reason", reason);
    data.put("ranking", ranked.stream().map(k -> Map.of("rank", k.rank(), "solution", k.solutionId(),
        "score", k.score())).toList());
    data.put("jurors", composition.members(businessKey).stream().map(m -> Map.of("juror", m.username(), "seatType",
        m.seatType().name())).toList());
    ledger.record(businessKey, "jury.decided", "jury round " + c.juryRound(), by, data);
  }

  /** The jury report: composition, recusals, criteria, per-solution standing and consensus, the decision. */
  private String report(String businessKey, List<Consensus> ranked, String reason) {
    ProcurementCase c = cases.require(businessKey);
    EvaluationCriteria.Scheme scheme = criteria.of(c.id());
    Map<Long, Standing> standings = scoring.standings(businessKey).stream()
        .collect(Collectors.toMap(st -> st.solution().id(), st -> st));
    StringBuilder r = new StringBuilder("Jury report, ").append(c.title()).append(", jury round ")
        .append(c.juryRound()).append("\n\nJury: ");
    r.append(composition.members(businessKey).stream().map(m -> m.username() + " (" + m.seatType().name()
        .toLowerCase().replace('_', ' ') + ")").collect(Collectors.joining(", "))).append('\n');
    List<String> recusals = db.sql("""
        select d.juror, d.solution_id from conflict_declaration d where d.case_id = :c and d.jury_round = :r
        and d.conflicted = true order by d.solution_id, d.juror""").param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> rs.getString("juror") + " from solution " + rs.getLong("solution_id")).list();
    r.append("Recusals: ").append(recusals.isEmpty() ? "none" : String.join("; ", recusals)).append('\n');
    List<String> missing = scoring.missingJurors(businessKey);
    r.append("Missing scores: ").append(missing.isEmpty() ? "none" : String.join(", ", missing)).append('\n');
    r.append("Criteria (scale 0-").append(scheme.scale()).append("): ").append(scheme.criteria().stream()
        .map(k -> k.name() + " " + k.weight() + "%").collect(Collectors.joining("; "))).append("\n\nRanking:\n");
    for (Consensus k : ranked) {
      Standing st = standings.get(k.solutionId());
      r.append(k.rank()).append(". ").append(st.solution().label()).append(": consensus ")
          .append(k.score().toPlainString()).append(", weighted mean ")
          .append(st.weightedMean() == null ? "none" : st.weightedMean().toPlainString()).append(", spread ")
          .append(st.spread() == null ? "none" : st.spread().toPlainString())
          .append(st.disagreement() ? " (large disagreement)" : "").append(k.awarded() ? ", AWARDED" : "")
          .append("\n   ").append(k.rationale()).append('\n');
    }
    r.append("\nDecision: ").append(ranked.stream().anyMatch(Consensus::awarded) ? "award" : "no award")
        .append(". ").append(reason);
    return r.toString();
  }

  /** Whether the jury of any round has recorded its decision. */
  boolean hasDecided(long caseId) {
    return db.sql("select count(*) from jury_decision where case_id = :c").param("c", caseId).query(Long.class)
        .single() > 0;
  }

  public Optional<Decision> currentDecision(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select * from jury_decision where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> new Decision(rs.getInt("jury_round"), rs.getBoolean("awarded"),
            (Long) rs.getObject("solution_id", Long.class), rs.getString("reason"),
            (Boolean) rs.getObject("confirmed", Boolean.class)))
        .optional();
  }

  /** The managers' review of the current round's decision (the award module's confirmation), kept with it. */
  public void recordReview(String businessKey, boolean confirmed, String comment, String by, OffsetDateTime at) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("""
        update jury_decision set confirmed = :confirmed, review_comment = :comment, reviewed_by = :by,
          reviewed_at = :at where case_id = :c and jury_round = :r""")
        .param("confirmed", confirmed).param("comment", comment).param("by", by).param("at", at)
        .param("c", c.id()).param("r", c.juryRound()).update();
  }

  /** The current round's decision as the award's confirmation form shows it: the ranking with consensus scores. */
  public String describeRanking(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    List<String> lines = db.sql("""
        select k.rank_no, k.score, k.awarded, s.title from jury_consensus k join solution s on s.id = k.solution_id
        where k.case_id = :c and k.jury_round = :r order by k.rank_no""").param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> rs.getInt("rank_no") + ". " + rs.getString("title") + ": consensus "
            + rs.getBigDecimal("score").stripTrailingZeros().toPlainString()
            + (rs.getBoolean("awarded") ? " (awarded)" : "")).list();
    return lines.isEmpty() ? "No ranking recorded." : String.join("\n", lines);
  }
}
