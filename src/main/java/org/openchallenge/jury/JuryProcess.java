package org.openchallenge.jury;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openchallenge.platform.ModelExpressionBean;
import org.springframework.stereotype.Component;

/**
 * What juryDeliberation's expressions ask ({@code ${juryProcess...}}): the decision table's inputs, the jurors who
 * declare, the scoring deadline. The service tasks and listeners are in {@link JuryDelegates}.
 */
@ModelExpressionBean
@Component("juryProcess")
public class JuryProcess {

  private final JuryComposition composition;
  private final CompositionCheck check;
  private final ConflictsOfInterest conflicts;

  public JuryProcess(JuryComposition composition, CompositionCheck check, ConflictsOfInterest conflicts) {
    this.composition = composition;
    this.check = check;
    this.conflicts = conflicts;
  }

  /** Task_CheckComposition's inputs. */
  public CompositionCheck.CompositionFacts facts(DelegateExecution execution) {
    return check.compositionFacts(execution.getProcessBusinessKey());
  }

  /** The collection of Task_DeclareConflicts: jurors of the round who have not declared yet. */
  public List<String> jurorsToDeclare(DelegateExecution execution) {
    return conflicts.jurorsToDeclare(execution.getProcessBusinessKey());
  }

  /** Timer_ScoringDeadline's date, set at composition. */
  public Date scoringDeadline(DelegateExecution execution) {
    return composition.scoringDeadline(execution.getProcessBusinessKey());
  }
}
