package org.openchallenge.jury;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.openchallenge.need.EvaluationCriteria;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What a provider receives once the jury has decided: every juror's scores of its solution and the consensus. */
@Service
class ProviderFeedback {

  /** One juror's original score of a solution on one criterion, as its provider receives it. */
  public record OriginalEvaluation(int juryRound, String juror, String seatType, int criterion, String criterionName,
                                   int weight, BigDecimal score, String justification, OffsetDateTime submittedAt) {
  }

  public record ConsensusView(int juryRound, int rank, BigDecimal score, String rationale, boolean awarded) {
  }

  /** The answer of the evaluations API (its fields are the JSON's). */
  public record Feedback(long solutionId, int scale, List<OriginalEvaluation> evaluations,
                         List<String> missingJurors, List<ConsensusView> consensus) {
  }

  private final JdbcClient db;
  private final EvaluationCriteria criteria;

  ProviderFeedback(JdbcClient db, EvaluationCriteria criteria) {
    this.db = db;
    this.criteria = criteria;
  }

  /**
   * Everything the jury said of a solution, for rounds the jury has decided: until the decision, scores are blind to
   * everyone but the chair's deliberation task. Missing jurors are those who would have scored this solution (a
   * juror recused from it owed no score).
   */
  Feedback feedbackOn(long caseId, long solutionId) {
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
    return new Feedback(solutionId, criteria.of(caseId).scale(), evaluations, missing, consensus);
  }
}
