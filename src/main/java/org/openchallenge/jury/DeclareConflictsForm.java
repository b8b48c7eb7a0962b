package org.openchallenge.jury;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_DeclareConflicts: a juror declares, per eligible solution, no conflict or a conflict and its nature. */
@Component("declareConflictsForm")
public class DeclareConflictsForm extends TaskForm {

  public enum Conflict { NONE, CONFLICT }

  private final JuryComposition jury;
  private final ConflictsOfInterest conflicts;

  public DeclareConflictsForm(JuryComposition jury, ConflictsOfInterest conflicts) {
    this.jury = jury;
    this.conflicts = conflicts;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    data.put("declarations", jury.eligibleSolutions(task.getExecution().getProcessBusinessKey()).stream()
        .map(s -> Map.of(SolutionRows.SOLUTION_ID, s.id(), "solutionTitle", s.label(), "conflict", Conflict.NONE.name()))
        .toList());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    List<Solution> eligible = jury.eligibleSolutions(key);
    List<ConflictsOfInterest.Declaration> declarations = SolutionRows.read(in, "declarations", "Declaration", eligible,
        (id, row) -> {
          Conflict conflict = row.choice("conflict", "Conflict of interest", Conflict.class);
          String nature = row.optionalText("nature", "Nature of the conflict", 1000);
          if (conflict == Conflict.CONFLICT && nature == null) {
            row.problem("Nature of the conflict is required when you declare a conflict");
          }
          return new ConflictsOfInterest.Declaration(id, conflict == Conflict.CONFLICT, nature);
        });
    in.throwIfInvalid();
    conflicts.declare(key, (String) task.getVariable(CaseVariables.JUROR), declarations);
  }
}
