package org.openchallenge.research;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openchallenge.cases.CaseVariables;
import org.springframework.stereotype.Component;

/** Task_CloseResearchWindow: sets the flag for Gateway_SolutionsFound. */
@Component("closeResearchWindow")
public class CloseResearchWindowDelegate implements JavaDelegate {

  private final ResearchService research;

  public CloseResearchWindowDelegate(ResearchService research) {
    this.research = research;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables.SOLUTIONS_FOUND.set(execution, !research.findings(execution.getProcessBusinessKey()).isEmpty());
  }
}
