package org.openchallenge.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openchallenge.platform.ModelExpressionBean;
import org.springframework.stereotype.Component;

/** Facts about the case that gateways ask for ({@code ${caseFacts...}}), read from the case's table. */
@ModelExpressionBean
@Component("caseFacts")
public class CaseFacts {

  private final CaseService cases;

  public CaseFacts(CaseService cases) {
    this.cases = cases;
  }

  /** Gateway_InvolvesAi: the need was opened as possibly involving artificial intelligence. */
  public boolean involvesAi(DelegateExecution execution) {
    return cases.require(execution.getProcessBusinessKey()).involvesAi();
  }
}
