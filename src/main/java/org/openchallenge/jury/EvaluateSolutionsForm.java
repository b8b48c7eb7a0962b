package org.openchallenge.jury;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_EvaluateSolutions: a juror scores every solution they are not recused from, with a justification each. */
@Component("evaluateSolutionsForm")
public class EvaluateSolutionsForm extends TaskForm {

  private final JuryService jury;

  public EvaluateSolutionsForm(JuryService jury) {
    this.jury = jury;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String juror = (String) task.getVariable(CaseVariables.JUROR);
    data.put("evaluations", jury.toEvaluate(task.getExecution().getProcessBusinessKey(), juror).stream()
        .map(s -> {
          Map<String, Object> row = new HashMap<>();
          row.put(SolutionRows.SOLUTION_ID, s.id());
          row.put("solutionTitle", s.label());
          row.put("summary", s.summary());
          return row;
        }).toList());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    String juror = (String) task.getVariable(CaseVariables.JUROR);
    List<Solution> toEvaluate = jury.toEvaluate(key, juror);
    List<JuryService.Evaluation> evaluations = SolutionRows.read(in, "evaluations", "Evaluation", toEvaluate,
        (id, row) -> new JuryService.Evaluation(id,
            row.decimal("score", "Score", JuryService.MIN_SCORE, JuryService.MAX_SCORE),
            row.text("justification", "Justification", 4000)));
    in.throwIfInvalid();
    jury.evaluate(key, juror, evaluations);
  }
}
