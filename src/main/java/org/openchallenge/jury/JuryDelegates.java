package org.openchallenge.jury;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openchallenge.cases.CaseVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and listeners of juryDeliberation, each a one-line call into the jury's step beans. */
@Configuration
class JuryDelegates {

  /** Result variable of Task_CheckComposition; removed once its outcomes are stored. */
  static final String COMPOSITION_FINDINGS = "compositionFindings";

  /** StartEvent_DeliberationStarted (start): a new jury round. */
  @Bean
  ExecutionListener startJuryRound(JuryComposition composition) {
    return execution -> composition.startRound(execution.getProcessBusinessKey());
  }

  /** Task_CheckComposition (end): stores the decision table's outcomes and sets the verdict for the gateway. */
  @Bean
  @SuppressWarnings("unchecked")
  ExecutionListener recordCompositionCheck(CompositionCheck check) {
    return execution -> {
      List<CompositionCheck.Finding> findings = new ArrayList<>();
      if (execution.getVariable(COMPOSITION_FINDINGS) instanceof List<?> list) {
        for (Object entry : list) {
          Map<String, Object> outcome = (Map<String, Object>) entry;
          findings.add(new CompositionCheck.Finding(CompositionCheck.Severity.valueOf((String) outcome.get("severity")),
              (String) outcome.get("reason")));
        }
      }
      execution.removeVariable(COMPOSITION_FINDINGS);
      CompositionCheck.Severity verdict = check.recordCheck(execution.getProcessBusinessKey(), findings);
      CaseVariables.COMPOSITION_VERDICT.set(execution, verdict == null ? "COMPLIANT" : verdict.name());
    };
  }

  /** Task_ConfirmJury. */
  @Bean
  JavaDelegate confirmJury(JuryComposition composition) {
    return execution -> composition.confirmComposition(execution.getProcessBusinessKey());
  }

  /** Task_CheckQuorum: the flag for Gateway_JuryQuorumReached. */
  @Bean
  JavaDelegate checkQuorum(ConflictsOfInterest conflicts) {
    return execution -> CaseVariables.JURY_QUORUM_REACHED.set(execution,
        conflicts.belowQuorum(execution.getProcessBusinessKey()).isEmpty());
  }

  /** Task_UnlockScores: the blind phase ends; jurors who did not submit are recorded as missing. */
  @Bean
  JavaDelegate unlockScores(BlindScoring scoring) {
    return execution -> scoring.unlockScores(execution.getProcessBusinessKey());
  }
}
