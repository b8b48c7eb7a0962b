package org.openchallenge.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.ModelProperties;
import org.springframework.stereotype.Component;

/** On each end event of the case: records how it ended, named by the event's {@code caseOutcome} property. */
@Component("closeCase")
public class CloseCaseListener implements ExecutionListener {

  public static final String PROPERTY = "caseOutcome";
  private final CaseService cases;
  private final Actors actors;

  public CloseCaseListener(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateExecution execution) {
    cases.end(execution.getProcessBusinessKey(), CaseOutcome.valueOf(ModelProperties.required(execution, PROPERTY)),
        actors.current());
  }
}
