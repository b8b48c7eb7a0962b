package org.openchallenge.jury;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openchallenge.cases.CaseVariables;
import org.springframework.stereotype.Component;

/** The expressions of juryDeliberation ({@code ${juryProcess...}}): one-line calls into {@link JuryService}. */
@Component("juryProcess")
public class JuryProcess {

  /** Result variable of Task_CheckComposition; removed once its outcomes are stored. */
  public static final String COMPOSITION_FINDINGS = "compositionFindings";

  private final JuryService jury;

  public JuryProcess(JuryService jury) {
    this.jury = jury;
  }

  /** StartEvent_DeliberationStarted (start): a new jury round. */
  public void startRound(DelegateExecution execution) {
    jury.startRound(execution.getProcessBusinessKey());
  }

  /** Task_CheckComposition's inputs. */
  public JuryService.CompositionFacts facts(DelegateExecution execution) {
    return jury.compositionFacts(execution.getProcessBusinessKey());
  }

  /** Task_CheckComposition (end): stores the decision table's outcomes and sets the verdict for the gateway. */
  @SuppressWarnings("unchecked")
  public void recordCheck(DelegateExecution execution) {
    Object result = execution.getVariable(COMPOSITION_FINDINGS);
    List<JuryService.Finding> findings = new ArrayList<>();
    if (result instanceof List<?> list) {
      for (Object entry : list) {
        Map<String, Object> outcome = (Map<String, Object>) entry;
        findings.add(new JuryService.Finding(JuryService.Severity.valueOf((String) outcome.get("severity")),
            (String) outcome.get("reason")));
      }
    }
    execution.removeVariable(COMPOSITION_FINDINGS);
    JuryService.Severity verdict = jury.recordCheck(execution.getProcessBusinessKey(), findings);
    CaseVariables.COMPOSITION_VERDICT.set(execution, verdict == null ? "COMPLIANT" : verdict.name());
  }

  /** Task_ConfirmJury. */
  public void confirmJury(DelegateExecution execution) {
    jury.confirmComposition(execution.getProcessBusinessKey());
  }

  /** The collection of Task_DeclareConflicts: jurors of the round who have not declared yet. */
  public List<String> jurorsToDeclare(DelegateExecution execution) {
    return jury.jurorsToDeclare(execution.getProcessBusinessKey());
  }

  /** Task_CheckQuorum: the flag for Gateway_JuryQuorumReached. */
  public void checkQuorum(DelegateExecution execution) {
    CaseVariables.JURY_QUORUM_REACHED.set(execution, jury.belowQuorum(execution.getProcessBusinessKey()).isEmpty());
  }

  /** Timer_ScoringDeadline's date, set at composition. */
  public Date scoringDeadline(DelegateExecution execution) {
    return jury.scoringDeadline(execution.getProcessBusinessKey());
  }

  /** Task_UnlockScores: the blind phase ends; jurors who did not submit are recorded as missing. */
  public void unlockScores(DelegateExecution execution) {
    jury.unlockScores(execution.getProcessBusinessKey());
  }
}
