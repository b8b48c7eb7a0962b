package org.openchallenge.jury;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.openchallenge.need.EvaluationCriteria;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.intake.JuryMembership;
import org.openchallenge.intake.Solution;
import org.openchallenge.intake.SolutionRepository;
import org.openchallenge.publication.Ledger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Jury deliberation, per jury round: composition and its check, conflicts of interest and the quorum, blind
 * per-criterion scoring, the consensus and the decision, and what providers receive afterwards.
 */
@Service
public class JuryService implements JuryMembership {

  public enum SeatType { OFFICIAL, CITIZEN, CIVIC_LEADER, DOMAIN_EXPERT, TECHNICAL_EXPERT }

  public enum Severity { VIOLATION, WARNING }

  public record Member(String username, SeatType seatType, boolean qualified) {
  }

  public record Composition(List<Member> members, boolean qualificationRequired, OffsetDateTime scoringDeadline) {
  }

  /** What the decision table juryComposition reads. */
  public record CompositionFacts(int jurorCount, double nonOfficialShare, int citizenCount,
                                 boolean qualificationRequired, double qualifiedShare) {
  }

  public record Finding(Severity severity, String reason) {
  }

  public record Declaration(long solutionId, boolean conflicted, String nature) {
  }

  /** One juror's score of one solution on one criterion (by the criterion's position). */
  public record Score(long solutionId, int criterion, BigDecimal score, String justification) {
  }

  /**
   * A solution's standing after the blind phase: each scoring juror's weighted total (sum of score x weight / 100),
   * their mean, their spread (highest minus lowest) and whether the spread is a large disagreement.
   */
  public record Standing(Solution solution, Map<String, BigDecimal> weightedTotals, BigDecimal weightedMean,
                         BigDecimal spread, boolean disagreement, List<String> missing) {
    public int evaluations() {
      return weightedTotals.size();
    }
  }

  public record Consensus(long solutionId, int rank, BigDecimal score, String rationale, boolean awarded) {
  }

  public record Decision(int juryRound, boolean awarded, Long solutionId, String reason, Boolean confirmed) {
  }

  private final Ledger ledger;
  private final JdbcClient db;
  private final CaseService cases;
  private final SolutionRepository solutions;
  private final EvaluationCriteria criteria;
  private final Clock clock;
  private final int quorum;
  private final BigDecimal disagreementShare;

  public JuryService(JdbcClient db, CaseService cases, SolutionRepository solutions, EvaluationCriteria criteria,
                     Clock clock, Ledger ledger, @Value("${openchallenge.jury.quorum:2}") int quorum,
                     @Value("${openchallenge.jury.disagreement-share:0.2}") BigDecimal disagreementShare) {
    this.ledger = ledger;
    this.db = db;
    this.cases = cases;
    this.solutions = solutions;
    this.criteria = criteria;
    this.clock = clock;
    this.quorum = quorum;
    this.disagreementShare = disagreementShare;
  }

  public int quorum() {
    return quorum;
  }

  // ------------------------------------------------------------------ composition

  /** A deliberation starts a new jury round (the first, or one after the award was referred back). */
  public int startRound(String businessKey) {
    return cases.startNextJuryRound(businessKey);
  }

  /** The jury's members of the current round, in the order they were proposed. */
  public List<Member> members(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select * from jury_member where case_id = :c and jury_round = :r order by username")
        .param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> new Member(rs.getString("username"), SeatType.valueOf(rs.getString("seat_type")),
            rs.getBoolean("qualified"))).list();
  }

  public Optional<Composition> composition(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select * from jury_composition where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> new Composition(members(businessKey), rs.getBoolean("qualification_required"),
            rs.getObject("scoring_deadline", OffsetDateTime.class))).optional();
  }

  /** The jurors who have declared conflicts in this round: they stay on the jury (their declarations stay recorded). */
  public Set<String> declaredJurors(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return Set.copyOf(db.sql("""
        select distinct juror from conflict_declaration where case_id = :c and jury_round = :r""")
        .param("c", c.id()).param("r", c.juryRound()).query(String.class).list());
  }

  /** Proposes (or revises) the current round's jury; it takes effect once it passes the composition check. */
  public void compose(String businessKey, Composition composition, String by) {
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
    p.put("at", now());
    if (db.sql("""
        update jury_composition set qualification_required = :q, scoring_deadline = :d, override_justification = null,
          overridden_by = null, composed_by = :by, composed_at = :at where case_id = :c and jury_round = :r""")
        .params(p).update() == 0) {
      db.sql("""
          insert into jury_composition (case_id, jury_round, qualification_required, scoring_deadline, composed_by,
            composed_at) values (:c, :r, :q, :d, :by, :at)""").params(p).update();
    }
  }

  public CompositionFacts compositionFacts(String businessKey) {
    List<Member> members = members(businessKey);
    boolean required = composition(businessKey).map(Composition::qualificationRequired).orElse(false);
    int n = members.size();
    long nonOfficials = members.stream().filter(m -> m.seatType() != SeatType.OFFICIAL).count();
    long citizens = members.stream().filter(m -> m.seatType() == SeatType.CITIZEN).count();
    long qualified = members.stream().filter(Member::qualified).count();
    return new CompositionFacts(n, n == 0 ? 0 : (double) nonOfficials / n, (int) citizens, required,
        n == 0 ? 0 : (double) qualified / n);
  }

  /** Records the outcomes of one run of the decision table juryComposition; answers the verdict for the gateway. */
  public Severity recordCheck(String businessKey, List<Finding> findings) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("update jury_composition set checks = checks + 1 where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound()).update();
    int checkNo = db.sql("select checks from jury_composition where case_id = :c and jury_round = :r")
        .param("c", c.id()).param("r", c.juryRound()).query(Integer.class).single();
    for (Finding f : findings) {
      db.sql("""
          insert into composition_finding (case_id, jury_round, check_no, severity, reason, checked_at)
          values (:c, :r, :n, :s, :reason, :at)""").param("c", c.id()).param("r", c.juryRound()).param("n", checkNo)
          .param("s", f.severity().name()).param("reason", f.reason()).param("at", now()).update();
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.VIOLATION)) {
      return Severity.VIOLATION;
    }
    return findings.isEmpty() ? null : Severity.WARNING;
  }

  /** The outcomes of the latest composition check of the current round. */
  public List<Finding> latestFindings(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("""
        select * from composition_finding f where f.case_id = :c and f.jury_round = :r and f.check_no =
          (select checks from jury_composition k where k.case_id = :c and k.jury_round = :r) order by f.id""")
        .param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> new Finding(Severity.valueOf(rs.getString("severity")), rs.getString("reason"))).list();
  }

  public void overrideWarnings(String businessKey, String justification, String by) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("""
        update jury_composition set override_justification = :j, overridden_by = :by
        where case_id = :c and jury_round = :r""").param("j", justification).param("by", by)
        .param("c", c.id()).param("r", c.juryRound()).update();
    ledger.record(businessKey, "jury.warnings-overridden", "jury round " + c.juryRound(), by,
        Map.of("warnings", latestFindings(businessKey).stream().map(Finding::reason).toList(),
            "justification", justification));
  }

  /** The jury passed its check: record the composition (names and seat types are public only after the decision). */
  public void confirmComposition(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    List<Member> members = members(businessKey);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("round", c.juryRound());
    data.put("size", members.size());
    data.put("jurors", members.stream().map(m -> Map.of("juror", m.username(), "seatType", m.seatType().name()))
        .toList());
    ledger.record(businessKey, "jury.composed", "jury round " + c.juryRound(), null, data);
  }

  public Date scoringDeadline(String businessKey) {
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

  // ------------------------------------------------------------------ conflicts of interest and quorum

  /** Every solution the jury may consider: those screened eligible in any intake round of the case. */
  public List<Solution> eligibleSolutions(String businessKey) {
    return solutions.withStatus(cases.require(businessKey).id(), Solution.Status.ELIGIBLE);
  }

  /** The current round's jurors who have not declared their conflicts yet (new ones after a re-composition). */
  public List<String> jurorsToDeclare(String businessKey) {
    Set<String> declared = declaredJurors(businessKey);
    return members(businessKey).stream().map(Member::username).filter(j -> !declared.contains(j)).toList();
  }

  public void declare(String businessKey, String juror, List<Declaration> declarations) {
    ProcurementCase c = cases.require(businessKey);
    for (Declaration d : declarations) {
      db.sql("""
          insert into conflict_declaration (case_id, jury_round, juror, solution_id, conflicted, nature, declared_at)
          values (:c, :r, :j, :s, :conflicted, :nature, :at)""")
          .param("c", c.id()).param("r", c.juryRound()).param("j", juror).param("s", d.solutionId())
          .param("conflicted", d.conflicted()).param("nature", d.nature()).param("at", now()).update();
      if (d.conflicted()) {
        // The nature of the conflict stays internal (publication policy): only the recusal is public.
        ledger.record(businessKey, "juror.recused", "solution " + d.solutionId(), juror,
            Map.of("juror", juror, "solution", d.solutionId(), "nature", String.valueOf(d.nature())));
      }
    }
  }

  /** The solutions a juror is recused from in the current round, by their own declaration. */
  public Set<Long> recusals(String businessKey, String juror) {
    ProcurementCase c = cases.require(businessKey);
    return Set.copyOf(db.sql("""
        select solution_id from conflict_declaration
        where case_id = :c and jury_round = :r and juror = :j and conflicted = true""")
        .param("c", c.id()).param("r", c.juryRound()).param("j", juror).query(Long.class).list());
  }

  /** Eligible solutions left with fewer unconflicted jurors than the quorum, with how many they have. */
  public Map<Solution, Integer> belowQuorum(String businessKey) {
    List<Member> members = members(businessKey);
    Map<Solution, Integer> short_ = new LinkedHashMap<>();
    Map<String, Set<Long>> recused = new HashMap<>();
    members.forEach(m -> recused.put(m.username(), recusals(businessKey, m.username())));
    for (Solution s : eligibleSolutions(businessKey)) {
      int free = (int) members.stream().filter(m -> !recused.get(m.username()).contains(s.id())).count();
      if (free < quorum) {
        short_.put(s, free);
      }
    }
    return short_;
  }

  // ------------------------------------------------------------------ blind scoring

  /** What the juror must score: every eligible solution they are not recused from. */
  public List<Solution> toEvaluate(String businessKey, String juror) {
    Set<Long> recused = recusals(businessKey, juror);
    return eligibleSolutions(businessKey).stream().filter(s -> !recused.contains(s.id())).toList();
  }

  public boolean hasSubmitted(String businessKey, String juror) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("select count(*) from juror_scoring where case_id = :c and jury_round = :r and juror = :j")
        .param("c", c.id()).param("r", c.juryRound()).param("j", juror).query(Long.class).single() > 0;
  }

  /** Locks the juror's scores, timestamped; a juror submits once. */
  public void score(String businessKey, String juror, List<Score> scores) {
    ProcurementCase c = cases.require(businessKey);
    if (hasSubmitted(businessKey, juror)) {
      throw new IllegalStateException("Scores of " + juror + " are already submitted and locked");
    }
    OffsetDateTime at = now();
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
  public List<String> unlockScores(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    List<Member> members = members(businessKey);
    Set<String> submitted = Set.copyOf(db.sql("""
        select juror from juror_scoring where case_id = :c and jury_round = :r""")
        .param("c", c.id()).param("r", c.juryRound()).query(String.class).list());
    List<String> missing = new ArrayList<>();
    for (Member m : members) {
      if (!submitted.contains(m.username())) {
        db.sql("""
            insert into juror_scoring (case_id, jury_round, juror, status, recorded_at)
            values (:c, :r, :j, 'MISSING', :at)""")
            .param("c", c.id()).param("r", c.juryRound()).param("j", m.username()).param("at", now()).update();
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
  public boolean scoresUnlocked(long caseId, int round) {
    return db.sql("""
        select (select count(*) from jury_member where case_id = :c and jury_round = :r)
             - (select count(*) from juror_scoring where case_id = :c and jury_round = :r)""")
        .param("c", caseId).param("r", round).query(Long.class).single() == 0
        && db.sql("select count(*) from jury_member where case_id = :c and jury_round = :r").param("c", caseId)
        .param("r", round).query(Long.class).single() > 0;
  }

  /** The jurors recorded as missing in the current round. */
  public List<String> missingJurors(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return db.sql("""
        select juror from juror_scoring where case_id = :c and jury_round = :r and status = 'MISSING' order by juror""")
        .param("c", c.id()).param("r", c.juryRound()).query(String.class).list();
  }

  /**
   * Each eligible solution's standing in the current round, best weighted mean first (unscored last). Refused while
   * the blind phase lasts: nobody sees scores before every juror submitted or the deadline passed.
   */
  public List<Standing> standings(String businessKey) {
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
          sums.computeIfAbsent(rs.getLong("solution_id"), id -> new java.util.TreeMap<>())
              .merge(rs.getString("juror"), part, BigDecimal::add);
        });
    BigDecimal totalWeight = BigDecimal.valueOf(EvaluationCriteria.TOTAL_WEIGHT);
    List<Standing> standings = new ArrayList<>();
    for (Solution s : eligibleSolutions(businessKey)) {
      Map<String, BigDecimal> exact = sums.getOrDefault(s.id(), Map.of());
      Map<String, BigDecimal> totals = new java.util.TreeMap<>();
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

  // ------------------------------------------------------------------ consensus and decision

  /** Records the consensus on every eligible solution, the ranking and the decision, and the generated report. */
  public void decide(String businessKey, List<Consensus> consensus, String reason, String by) {
    ProcurementCase c = cases.require(businessKey);
    List<Consensus> ranked = consensus.stream().sorted(Comparator.comparingInt(Consensus::rank)).toList();
    Map<Long, Standing> standings = standings(businessKey).stream()
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
        .param("s", contractSolution).param("reason", reason).param("by", by).param("at", now())
        .param("report", report).update();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("awarded", !awarded.isEmpty());
    data.put("solution", contractSolution);
    data.put("solutions", awarded);
    data.put("reason", reason);
    data.put("ranking", ranked.stream().map(k -> Map.of("rank", k.rank(), "solution", k.solutionId(),
        "score", k.score())).toList());
    data.put("jurors", members(businessKey).stream().map(m -> Map.of("juror", m.username(), "seatType",
        m.seatType().name())).toList());
    ledger.record(businessKey, "jury.decided", "jury round " + c.juryRound(), by, data);
  }

  /** The jury report: composition, recusals, criteria, per-solution standing and consensus, the decision. */
  private String report(String businessKey, List<Consensus> ranked, String reason) {
    ProcurementCase c = cases.require(businessKey);
    EvaluationCriteria.Scheme scheme = criteria.of(c.id());
    Map<Long, Standing> standings = standings(businessKey).stream()
        .collect(Collectors.toMap(st -> st.solution().id(), st -> st));
    StringBuilder r = new StringBuilder("Jury report, ").append(c.title()).append(", jury round ")
        .append(c.juryRound()).append("\n\nJury: ");
    r.append(members(businessKey).stream().map(m -> m.username() + " (" + m.seatType().name().toLowerCase()
        .replace('_', ' ') + ")").collect(Collectors.joining(", "))).append('\n');
    List<String> recusals = db.sql("""
        select d.juror, d.solution_id from conflict_declaration d where d.case_id = :c and d.jury_round = :r
        and d.conflicted = true order by d.solution_id, d.juror""").param("c", c.id()).param("r", c.juryRound())
        .query((rs, n) -> rs.getString("juror") + " from solution " + rs.getLong("solution_id")).list();
    r.append("Recusals: ").append(recusals.isEmpty() ? "none" : String.join("; ", recusals)).append('\n');
    List<String> missing = missingJurors(businessKey);
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
  public boolean hasDecided(long caseId) {
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

  // ------------------------------------------------------------------ after the decision

  /** One juror's original score of a solution on one criterion, as its provider receives it. */
  public record OriginalEvaluation(int juryRound, String juror, String seatType, int criterion, String criterionName,
                                   int weight, BigDecimal score, String justification, OffsetDateTime submittedAt) {
  }

  public record ConsensusView(int juryRound, int rank, BigDecimal score, String rationale, boolean awarded) {
  }

  public record ProviderFeedback(long solutionId, int scale, List<OriginalEvaluation> evaluations,
                                 List<String> missingJurors, List<ConsensusView> consensus) {
  }

  /**
   * Everything the jury said of a solution, for rounds the jury has decided: until the decision, scores are blind to
   * everyone but the chair's deliberation task. Missing jurors are those who would have scored this solution (a
   * juror recused from it owed no score).
   */
  public ProviderFeedback feedbackOn(long caseId, long solutionId) {
    List<OriginalEvaluation> evaluations = db.sql("""
        select e.*, m.seat_type, ec.name, ec.weight from criterion_score e
        join jury_decision d on d.case_id = e.case_id and d.jury_round = e.jury_round
        join jury_member m on m.case_id = e.case_id and m.jury_round = e.jury_round and m.username = e.juror
        join evaluation_criterion ec on ec.case_id = e.case_id and ec.position = e.position
        where e.case_id = :c and e.solution_id = :s order by e.jury_round, e.juror, e.position""")
        .param("c", caseId).param("s", solutionId)
        .query((rs, n) -> new OriginalEvaluation(rs.getInt("jury_round"), rs.getString("juror"),
            rs.getString("seat_type"), rs.getInt("position"), rs.getString("name"), rs.getInt("weight"),
            rs.getBigDecimal("score"), rs.getString("justification"),
            rs.getObject("submitted_at", OffsetDateTime.class))).list();
    List<String> missing = db.sql("""
        select j.juror from juror_scoring j join jury_decision d on d.case_id = j.case_id and d.jury_round = j.jury_round
        where j.case_id = :c and j.status = 'MISSING'
          and not exists (select 1 from conflict_declaration cd where cd.case_id = j.case_id
            and cd.jury_round = j.jury_round and cd.juror = j.juror and cd.solution_id = :s and cd.conflicted)
        order by j.jury_round, j.juror""").param("c", caseId).param("s", solutionId)
        .query(String.class).list();
    List<ConsensusView> consensus = db.sql("""
        select * from jury_consensus where case_id = :c and solution_id = :s order by jury_round""")
        .param("c", caseId).param("s", solutionId)
        .query((rs, n) -> new ConsensusView(rs.getInt("jury_round"), rs.getInt("rank_no"), rs.getBigDecimal("score"),
            rs.getString("rationale"), rs.getBoolean("awarded"))).list();
    return new ProviderFeedback(solutionId, criteria.of(caseId).scale(), evaluations, missing, consensus);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
