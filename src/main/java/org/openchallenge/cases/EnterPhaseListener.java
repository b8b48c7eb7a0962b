package org.openchallenge.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.openchallenge.platform.ModelProperties;
import org.springframework.stereotype.Component;

/** On each phase's call activity: records the case's phase, named by the activity's {@code casePhase} property. */
@Component("enterPhase")
public class EnterPhaseListener implements ExecutionListener {

  public static final String PROPERTY = "casePhase";
  private final CaseService cases;

  public EnterPhaseListener(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    cases.enterPhase(execution.getProcessBusinessKey(),
        CasePhase.valueOf(ModelProperties.required(execution, PROPERTY)));
  }
}
