package org.openchallenge.jury;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.intake.Solution;
import org.openchallenge.jury.JuryComposition.Member;
import org.openchallenge.need.EvaluationCriteria;
import org.openchallenge.publication.Ledger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Task_EvaluateSolutions (each juror's locked scores), Task_UnlockScores (the end of the blind phase) and the
 * standings computed from the scores once it has ended.
 */
@Service
class BlindScoring {

  /** One juror's score of one solution on one criterion (by the criterion's position). */
  record Score(long solutionId, int criterion, BigDecimal score, String justification) {
  }

  /**
   * A solution's standing after the blind phase: each scoring juror's weighted total (sum of score x weight / 100),
   * their mean, their spread (highest minus lowest) and whether the spread is a large disagreement.
   */
  record Standing(Solution solution, Map<String, BigDecimal> weightedTotals, BigDecimal weightedMean,
                  BigDecimal spread, boolean disagreement, List<String> missing) {
    int evaluations() {
      return weightedTotals.size();
    }
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final JuryComposition composition;
  private final ConflictsOfInterest conflicts;
  private final EvaluationCriteria criteria;
  private final Clock clock;
  private final Ledger ledger;
  private final BigDecimal disagreementShare;

  BlindScoring(JdbcClient db, CaseService cases, JuryComposition composition, ConflictsOfInterest conflicts,
               EvaluationCriteria criteria, Clock clock, Ledger ledger,
               @Value("${openchallenge.jury.disagreement-share:0.2}") BigDecimal disagreementShare) {
    this.db = db;
    this.cases = cases;
    this.composition = composition;
    this.conflicts = conflicts;
    this.criteria = criteria;
    this.clock = clock;
    this.ledger = ledger;
    this.disagreementShare = disagreementShare;
  }

  /** What the juror must score: every eligible solution they are not recused from. */
  List<Solution> toEvaluate(String businessKey, String juror) {
    Set<Long> recused = conflicts.recusals(businessKey, juror);
    return composition.eligibleSolutions(businessKey).stream().filter(s -> !recused.contains(s.id())).toList();
  }

  boolean hasSubmitted(String businessKey, String juror) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select count(*) from juror_scoring where case_id = :c and jury_round = :r and juror = :j")
        .param("c", c.id()).param("r", c.juryRound()).param("j", juror).query(Long.class).single() > 0;
  }

  /** Locks the juror's scores, timestamped; a juror submits once. */
  void score(String businessKey, String juror, List<Score> scores) {
    ProcurementCase c = cases.require(businessKey);
    if (hasSubmitted(businessKey, juror)) {
      throw new IllegalStateException("Scores of " + juror + " are already submitted and locked");
    }
    OffsetDateTime at = OffsetDateTime.now(clock);
    for (Score s : scores) {
      db.sql("""
          insert into criterion_score (case_id, jury_round, juror, solution_id, position, score, justification,
            submitted_at) values (:c, :r, :j, :s, :p, :score, :justification, :at)""")
          .param("c", c.id()).param("r", c.juryRound()).param("j", juror).param("s", s.solutionId())
          .param("p", s.criterion()).param("score", s.score()).param("justification", s.justification())
          .param("at", at).update();
    }
    db.sql("""
        insert into juror_scoring (case_id, jury_round, juror, status, recorded_at) values (:c, :r, :j, 'SUBMITTED', :at)""")
        .param("c", c.id()).param("r", c.juryRound()).param("j", juror).param("at", at).update();
  }

  /**
   * Ends the blind phase (every juror submitted, or the deadline passed): jurors who did not submit are recorded as
   * missing, nothing is invented for them.
   */
  List<String> unlockScores(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    List<Member> members = composition.members(businessKey);
    Set<String> submitted = Set.copyOf(db.sql("""
        select juror from juror_scoring where case_id = :c and jury_round = :r""")
        .param("c", c.id()).param("r", c.juryRound()).query(String.class).list());
    List<String> missing = new ArrayList<>();
    for (Member m : members) {
      if (!submitted.contains(m.username())) {
        db.sql("""
            insert into juror_scoring (case_id, jury_round, juror, status, recorded_at)
            values (:c, :r, :j, 'MISSING', :at)""")
            .param("c", c.id()).param("r", c.juryRound()).param("j", m.username())
            .param("at", OffsetDateTime.now(clock)).update();
        missing.add(m.username());
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("round", c.juryRound());
    data.put("submitted", members.size() - missing.size());
    data.put("missing", missing.size());
    ledger.record(businessKey, "scores.unlocked", "jury round " + c.juryRound(), null, data);
    return missing;
  }

  /** Whether the blind phase of the round has ended: every juror's scoring is recorded, submitted or missing. */
  boolean scoresUnlocked(long caseId, int round) {
    return db.sql("""
        select (select count(*) from jury_member where case_id = :c and jury_round = :r)
             - (select count(*) from juror_scoring where case_id = :c and jury_round = :r)""")
        .param("c", caseId).param("r", round).query(Long.class).single() == 0
        && db.sql("select count(*) from jury_member where case_id = :c and jury_round = :r").param("c", caseId)
        .param("r", round).query(Long.class).single() > 0;
  }

  /** The jurors recorded as missing in the current round. */
  List<String> missingJurors(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("""
        select juror from juror_scoring where case_id = :c and jury_round = :r and status = 'MISSING' order by juror""")
        .param("c", c.id()).param("r", c.juryRound()).query(String.class).list();
  }

  /**
   * Each eligible solution's standing in the current round, best weighted mean first (unscored last). Refused while
   * the blind phase lasts: nobody sees scores before every juror submitted or the deadline passed.
   */
  List<Standing> standings(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    if (!scoresUnlocked(c.id(), c.juryRound())) {
      throw new IllegalStateException("The scores of jury round " + c.juryRound() + " are blind until every juror "
          + "has submitted or the scoring deadline has passed");
    }
    EvaluationCriteria.Scheme scheme = criteria.of(c.id());
    Map<Integer, Integer> weights = scheme.criteria().stream()
        .collect(Collectors.toMap(EvaluationCriteria.Criterion::position, EvaluationCriteria.Criterion::weight));
    BigDecimal threshold = disagreementShare.multiply(BigDecimal.valueOf(scheme.scale()));
    List<String> missing = missingJurors(businessKey);
    // Every score of the round in one read: per solution, each juror's sum of score x weight (exact, unrounded).
    Map<Long, Map<String, BigDecimal>> sums = new HashMap<>();
    db.sql("select solution_id, juror, position, score from criterion_score where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound())
        .query(rs -> {
          BigDecimal part = rs.getBigDecimal("score").multiply(BigDecimal.valueOf(weights.get(rs.getInt("position"))));
          sums.computeIfAbsent(rs.getLong("solution_id"), id -> new TreeMap<>())
              .merge(rs.getString("juror"), part, BigDecimal::add);
        });
    BigDecimal totalWeight = BigDecimal.valueOf(EvaluationCriteria.TOTAL_WEIGHT);
    List<Standing> standings = new ArrayList<>();
    for (Solution s : composition.eligibleSolutions(businessKey)) {
      Map<String, BigDecimal> exact = sums.getOrDefault(s.id(), Map.of());
      Map<String, BigDecimal> totals = new TreeMap<>();
      exact.forEach((juror, sum) -> totals.put(juror, sum.divide(totalWeight, 2, RoundingMode.HALF_UP)));
      BigDecimal mean = null;
      BigDecimal spread = null;
      if (!totals.isEmpty()) {
        // The mean of the exact weighted totals (score x weight summed, over 100 x jurors), rounded once.
        mean = exact.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(totalWeight.multiply(BigDecimal.valueOf(totals.size())), 2, RoundingMode.HALF_UP);
        spread = totals.values().stream().max(Comparator.naturalOrder()).orElseThrow()
            .subtract(totals.values().stream().min(Comparator.naturalOrder()).orElseThrow());
      }
      standings.add(new Standing(s, totals, mean, spread, spread != null && spread.compareTo(threshold) > 0,
          missing));
    }
    standings.sort(Comparator.comparing(Standing::weightedMean, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(st -> st.solution().id()));
    return standings;
  }
}
