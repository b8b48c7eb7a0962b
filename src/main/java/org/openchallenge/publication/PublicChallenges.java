package org.openchallenge.publication;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Challenges as the public sees them, from publication on: the need, the challenge question and its outcome
 * indicators, the phase, the research briefs, and how the case ended and why. Never public here: who was consulted
 * and what they said (only the consolidated outcome), managers' internal comments, and anything of a challenge
 * not yet published.
 */
@Service
public class PublicChallenges {

  public record Indicator(String name, String unit, BigDecimal baseline, BigDecimal target, String direction) {
  }

  public record ResearchBrief(int round, int findingCount, Map<String, Integer> approaches, String landscape,
                              String gaps, OffsetDateTime publishedAt) {
  }

  public record Criterion(String name, int weight) {
  }

  public record Juror(String name, String seatType) {
  }

  public record Recusal(String juror, long solution, String solutionTitle) {
  }

  public record Ranked(int rank, long solution, String solutionTitle, BigDecimal consensusScore,
                       BigDecimal weightedMean, BigDecimal spread, boolean largeDisagreement, boolean awarded) {
  }

  /** A decided jury round: its members and seats, recusals (never their nature), ranking and generated report. */
  public record JuryOutcome(int round, List<Juror> jurors, List<Recusal> recusals, List<Ranked> ranking,
                            boolean awarded, String reason, String report, OffsetDateTime decidedAt) {
  }

  public record Challenge(String businessKey, String title, String problem, String publicValue, String department,
                          BigDecimal budgetEnvelope, String currency, boolean involvesAi, String question,
                          String constraints, String consultationOutcome, List<Indicator> indicators, String phase,
                          OffsetDateTime publishedAt, String outcome, String outcomeReason, OffsetDateTime closedAt,
                          List<ResearchBrief> researchBriefs, int scoreScale, List<Criterion> evaluationCriteria,
                          List<JuryOutcome> juryDecisions) {
  }

  public record Summary(String businessKey, String title, String department, String phase, String outcome,
                        OffsetDateTime publishedAt) {
  }

  private final JdbcClient db;

  public PublicChallenges(JdbcClient db) {
    this.db = db;
  }

  public List<Summary> list(int page, int size) {
    return db.sql("""
        select c.business_key, c.title, c.department, c.phase, c.outcome, ch.published_at
        from procurement_case c join challenge ch on ch.case_id = c.id
        where ch.published_at is not null order by c.id desc limit :limit offset :offset""")
        .param("limit", size).param("offset", (long) page * size)
        .query((rs, n) -> new Summary(rs.getString("business_key"), rs.getString("title"), rs.getString("department"),
            rs.getString("phase"), rs.getString("outcome"), rs.getObject("published_at", OffsetDateTime.class)))
        .list();
  }

  public Optional<Challenge> find(String businessKey) {
    return db.sql("""
        select c.*, ch.question, ch.constraints_text, ch.consolidation, ch.published_at, ch.score_scale
        from procurement_case c join challenge ch on ch.case_id = c.id
        where c.business_key = :k and ch.published_at is not null""").param("k", businessKey)
        .query((rs, n) -> {
          long caseId = rs.getLong("id");
          return new Challenge(rs.getString("business_key"), rs.getString("title"), rs.getString("problem"),
              rs.getString("public_value"), rs.getString("department"), rs.getBigDecimal("budget_envelope"),
              rs.getString("currency").strip(), rs.getBoolean("involves_ai"), rs.getString("question"),
              rs.getString("constraints_text"), rs.getString("consolidation"), indicators(caseId),
              rs.getString("phase"), rs.getObject("published_at", OffsetDateTime.class), rs.getString("outcome"),
              rs.getString("outcome_reason"), rs.getObject("closed_at", OffsetDateTime.class), briefs(caseId),
              rs.getInt("score_scale"), criteria(caseId), juryDecisions(caseId));
        }).optional();
  }

  private List<Indicator> indicators(long caseId) {
    return db.sql("select * from outcome_indicator where case_id = :c order by position").param("c", caseId)
        .query((rs, n) -> new Indicator(rs.getString("name"), rs.getString("unit"),
            rs.getBigDecimal("baseline").stripTrailingZeros(), rs.getBigDecimal("target").stripTrailingZeros(),
            rs.getString("direction"))).list();
  }

  private List<Criterion> criteria(long caseId) {
    return db.sql("select * from evaluation_criterion where case_id = :c order by position").param("c", caseId)
        .query((rs, n) -> new Criterion(rs.getString("name"), rs.getInt("weight"))).list();
  }

  /** Only decided rounds: before the decision, the jury's names, recusals and scores are not public. */
  private List<JuryOutcome> juryDecisions(long caseId) {
    return db.sql("select * from jury_decision where case_id = :c order by jury_round").param("c", caseId)
        .query((rs, n) -> {
          int round = rs.getInt("jury_round");
          return new JuryOutcome(round, db.sql("""
              select username, seat_type from jury_member where case_id = :c and jury_round = :r order by username""")
              .param("c", caseId).param("r", round)
              .query((m, i) -> new Juror(m.getString("username"), m.getString("seat_type"))).list(),
              db.sql("""
                  select d.juror, d.solution_id, s.title from conflict_declaration d join solution s on s.id = d.solution_id
                  where d.case_id = :c and d.jury_round = :r and d.conflicted = true order by d.solution_id, d.juror""")
                  .param("c", caseId).param("r", round)
                  .query((d, i) -> new Recusal(d.getString("juror"), d.getLong("solution_id"), d.getString("title")))
                  .list(),
              db.sql("""
                  select k.*, s.title from jury_consensus k join solution s on s.id = k.solution_id
                  where k.case_id = :c and k.jury_round = :r order by k.rank_no""").param("c", caseId).param("r", round)
                  .query((k, i) -> new Ranked(k.getInt("rank_no"), k.getLong("solution_id"), k.getString("title"),
                      k.getBigDecimal("score"), k.getBigDecimal("weighted_mean"), k.getBigDecimal("spread"),
                      k.getBoolean("disagreement"), k.getBoolean("awarded"))).list(),
              rs.getBoolean("awarded"), rs.getString("reason"), rs.getString("report"),
              rs.getObject("decided_at", OffsetDateTime.class));
        }).list();
  }

  private List<ResearchBrief> briefs(long caseId) {
    return db.sql("""
        select * from research_brief where case_id = :c and published_at is not null order by research_round""")
        .param("c", caseId)
        .query((rs, n) -> new ResearchBrief(rs.getInt("research_round"), rs.getInt("finding_count"),
            approaches(caseId, rs.getInt("research_round")), rs.getString("landscape"), rs.getString("gaps"),
            rs.getObject("published_at", OffsetDateTime.class))).list();
  }

  private Map<String, Integer> approaches(long caseId, int round) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    db.sql("""
        select coalesce(approach, 'unclassified') as approach, count(*) as n from solution
        where case_id = :c and research_round = :r and source = 'RESEARCH'
        group by coalesce(approach, 'unclassified') order by count(*) desc, coalesce(approach, 'unclassified')""")
        .param("c", caseId).param("r", round)
        .query(rs -> {
          counts.put(rs.getString("approach"), rs.getInt("n"));
        });
    return counts;
  }
}
