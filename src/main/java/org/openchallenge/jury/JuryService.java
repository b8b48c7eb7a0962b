package org.openchallenge.jury;

import org.openchallenge.publication.Ledger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.intake.Solution;
import org.openchallenge.intake.SolutionRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Jury deliberation: composition, conflicts of interest, evaluations and the decision, per jury round. */
@Service
public class JuryService {

  public static final BigDecimal MIN_SCORE = BigDecimal.ZERO;
  public static final BigDecimal MAX_SCORE = BigDecimal.TEN;

  public record Declaration(long solutionId, boolean conflicted, String nature) {
  }

  public record Evaluation(long solutionId, BigDecimal score, String justification) {
  }

  /** A solution's standing: mean of its jurors' scores (null when nobody could score it). */
  public record Standing(Solution solution, BigDecimal meanScore, int evaluations) {
  }

  public record Decision(int juryRound, boolean awarded, Long solutionId, String reason, Boolean confirmed) {
  }

  private final Ledger ledger;
  private final JdbcClient db;
  private final CaseService cases;
  private final SolutionRepository solutions;
  private final Clock clock;

  public JuryService(JdbcClient db, CaseService cases, SolutionRepository solutions, Clock clock, Ledger ledger) {
    this.ledger = ledger;
    this.db = db;
    this.cases = cases;
    this.solutions = solutions;
    this.clock = clock;
  }

  /** Starts a new jury round with these jurors. */
  public int compose(String businessKey, List<String> jurors) {
    long caseId = cases.require(businessKey).id();
    int round = cases.startNextJuryRound(businessKey);
    for (String juror : jurors) {
      db.sql("insert into jury_member (case_id, jury_round, username) values (:c, :r, :u)")
          .param("c", caseId).param("r", round).param("u", juror).update();
    }
    ledger.record(businessKey, "jury.composed", "jury round " + round, null,
        java.util.Map.of("jurors", List.copyOf(jurors), "round", round));
    return round;
  }

  /** Every solution the jury may consider: those screened eligible in any intake round of the case. */
  /** Whether the user sits, or sat, on the case's jury (any round). */
  public boolean isJuror(String businessKey, String username) {
    return db.sql("""
        select count(*) from jury_member m join procurement_case c on c.id = m.case_id
        where c.business_key = :k and m.username = :u""").param("k", businessKey).param("u", username)
        .query(Long.class).single() > 0;
  }

  public List<Solution> eligibleSolutions(String businessKey) {
    return solutions.withStatus(cases.require(businessKey).id(), Solution.Status.ELIGIBLE);
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
            java.util.Map.of("juror", juror, "solution", d.solutionId(), "nature", String.valueOf(d.nature())));
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

  /** What the juror must evaluate: every eligible solution they are not recused from. */
  public List<Solution> toEvaluate(String businessKey, String juror) {
    Set<Long> recused = recusals(businessKey, juror);
    return eligibleSolutions(businessKey).stream().filter(s -> !recused.contains(s.id())).toList();
  }

  public void evaluate(String businessKey, String juror, List<Evaluation> evaluations) {
    ProcurementCase c = cases.require(businessKey);
    for (Evaluation e : evaluations) {
      db.sql("""
          insert into evaluation (case_id, jury_round, juror, solution_id, score, justification, submitted_at)
          values (:c, :r, :j, :s, :score, :justification, :at)""")
          .param("c", c.id()).param("r", c.juryRound()).param("j", juror).param("s", e.solutionId())
          .param("score", e.score()).param("justification", e.justification()).param("at", now()).update();
    }
  }

  /** A juror's original evaluation of one solution, as its provider receives it. */
  public record OriginalEvaluation(int juryRound, String juror, BigDecimal score, String justification,
                                   OffsetDateTime submittedAt) {
  }

  /**
   * The jury's original evaluations of a solution, for rounds the jury has decided: until the decision, scores are
   * blind to everyone (the ranking reaches the officials only on the decision task).
   */
  public List<OriginalEvaluation> decidedEvaluationsOf(long caseId, long solutionId) {
    return db.sql("""
        select e.* from evaluation e join jury_decision d on d.case_id = e.case_id and d.jury_round = e.jury_round
        where e.case_id = :c and e.solution_id = :s order by e.jury_round, e.juror""")
        .param("c", caseId).param("s", solutionId)
        .query((rs, n) -> new OriginalEvaluation(rs.getInt("jury_round"), rs.getString("juror"),
            rs.getBigDecimal("score"), rs.getString("justification"),
            rs.getObject("submitted_at", OffsetDateTime.class))).list();
  }

  /** Whether the jury of any round has recorded its decision. */
  public boolean hasDecided(long caseId) {
    return db.sql("select count(*) from jury_decision where case_id = :c").param("c", caseId).query(Long.class)
        .single() > 0;
  }

  /** Eligible solutions by mean score of the current round, best first; unscored ones last. */
  public List<Standing> ranking(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    return eligibleSolutions(businessKey).stream().map(s -> {
      List<BigDecimal> scores = db.sql("""
          select score from evaluation where case_id = :c and jury_round = :r and solution_id = :s""")
          .param("c", c.id()).param("r", c.juryRound()).param("s", s.id()).query(BigDecimal.class).list();
      BigDecimal mean = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
          .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
      return new Standing(s, mean, scores.size());
    }).sorted(Comparator.comparing(Standing::meanScore, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(st -> st.solution().id()))
        .toList();
  }

  public String describeRanking(String businessKey) {
    List<Standing> ranking = ranking(businessKey);
    if (ranking.isEmpty()) {
      return "No eligible solution.";
    }
    int[] place = {1};
    return ranking.stream().map(st -> (place[0]++) + ". " + st.solution().label() + ": "
            + (st.meanScore() == null ? "not scored" : st.meanScore().toPlainString() + " / 10 from "
            + st.evaluations() + " juror(s)"))
        .collect(Collectors.joining("\n"));
  }

  public void decide(String businessKey, boolean awarded, Long solutionId, String reason, String by) {
    ProcurementCase c = cases.require(businessKey);
    db.sql("""
        insert into jury_decision (case_id, jury_round, awarded, solution_id, reason, decided_by, decided_at)
        values (:c, :r, :awarded, :s, :reason, :by, :at)""")
        .param("c", c.id()).param("r", c.juryRound()).param("awarded", awarded).param("s", solutionId)
        .param("reason", reason).param("by", by).param("at", now()).update();
    java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("awarded", awarded);
    data.put("solution", solutionId);
    data.put("reason", reason);
    ledger.record(businessKey, "jury.decided", "jury round " + c.juryRound(), by, data);
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

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
