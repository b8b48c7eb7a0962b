package org.openchallenge.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenResearch: no eligible solution in the first round, so research and intake run once more. */
@Component("reopenResearch")
public class ReopenResearchDelegate implements JavaDelegate {

  private final CaseService cases;

  public ReopenResearchDelegate(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.reopenResearch(execution.getProcessBusinessKey());
    CaseVariables.RESEARCH_REPEATED.set(execution, true);
  }
}
