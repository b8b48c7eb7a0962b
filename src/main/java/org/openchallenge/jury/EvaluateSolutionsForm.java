package org.openchallenge.jury;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.need.EvaluationCriteria;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Task_EvaluateSolutions: a juror scores, blind, every solution they are not recused from on every criterion, with a
 * justification per criterion. The form shows the juror's own rows only; submitting locks the scores.
 */
@Component("evaluateSolutionsForm")
public class EvaluateSolutionsForm extends TaskForm {

  private final BlindScoring scoring;
  private final ConflictsOfInterest conflicts;
  private final EvaluationCriteria criteria;

  public EvaluateSolutionsForm(BlindScoring scoring, ConflictsOfInterest conflicts, EvaluationCriteria criteria) {
    this.scoring = scoring;
    this.conflicts = conflicts;
    this.criteria = criteria;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    String juror = (String) task.getVariable(CaseVariables.JUROR);
    EvaluationCriteria.Scheme scheme = criteria.of(key);
    List<Solution> toScore = scoring.toEvaluate(key, juror);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Solution s : toScore) {
      for (EvaluationCriteria.Criterion c : scheme.criteria()) {
        Map<String, Object> row = new HashMap<>();
        row.put(SolutionRows.SOLUTION_ID, s.id());
        row.put("solutionTitle", s.label());
        row.put("criterionNo", c.position());
        row.put("criterion", c.name());
        row.put("summary", s.summary());
        rows.add(row);
      }
    }
    data.put("criteriaText", scheme.criteria().stream().map(c -> c.position() + ". " + c.name() + " (" + c.weight()
            + "%)").collect(Collectors.joining("\n")))
        .put("scoreScale", scheme.scale())
        .put("scores", rows);
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    String juror = (String) task.getVariable(CaseVariables.JUROR);
    List<BlindScoring.Score> scores = read(in, key, juror);
    in.throwIfInvalid();
    scoring.score(key, juror, scores);
  }

  /**
   * Checks a juror's scores: one row per solution they may score and criterion, none for a solution they are recused
   * from, each score within the scale and justified.
   */
  List<BlindScoring.Score> read(FormInput in, String key, String juror) {
    if (scoring.hasSubmitted(key, juror)) {
      in.problem("Your scores are already submitted and locked; a juror submits once");
      return List.of();
    }
    EvaluationCriteria.Scheme scheme = criteria.of(key);
    Set<Long> recused = conflicts.recusals(key, juror);
    Map<Long, Solution> allowed = scoring.toEvaluate(key, juror).stream()
        .collect(Collectors.toMap(Solution::id, s -> s));
    Set<Integer> positions = scheme.criteria().stream().map(EvaluationCriteria.Criterion::position)
        .collect(Collectors.toSet());
    int expected = allowed.size() * positions.size();
    List<BlindScoring.Score> scores = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BigDecimal max = BigDecimal.valueOf(scheme.scale());
    for (FormInput row : in.rows("scores", "Score", 0, Math.max(expected, 0) + recused.size() * positions.size())) {
      Integer id = row.whole(SolutionRows.SOLUTION_ID, "Solution reference", 1, Integer.MAX_VALUE);
      Integer criterion = row.whole("criterionNo", "Criterion no.", 1, EvaluationCriteria.MAX_CRITERIA);
      if (id == null || criterion == null) {
        continue;
      }
      long solutionId = id;
      if (recused.contains(solutionId)) {
        row.problem("you are recused from solution " + solutionId + " (you declared a conflict of interest) and "
            + "cannot score it");
        continue;
      }
      if (!allowed.containsKey(solutionId)) {
        row.problem("solution " + solutionId + " is not one you can score here");
        continue;
      }
      if (!positions.contains(criterion)) {
        row.problem("criterion " + criterion + " is not one of the challenge's criteria");
        continue;
      }
      if (!seen.add(solutionId + "/" + criterion)) {
        row.problem("solution " + solutionId + ", criterion " + criterion + " appears twice");
        continue;
      }
      BigDecimal score = row.decimal("score", "Score", BigDecimal.ZERO, max);
      String justification = row.text("justification", "Justification", 4000);
      scores.add(new BlindScoring.Score(solutionId, criterion, score, justification));
    }
    if (in.isValid() && seen.size() != expected) {
      in.problem("Scores: score every solution you are not recused from on every criterion (" + expected
          + " scores expected, " + seen.size() + " given)");
    }
    return scores;
  }
}
