package org.openchallenge.research;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_RecordFinding: one solution found in research, then on to the next one or to the brief. */
@Component("recordFindingForm")
public class RecordFindingForm extends TaskForm {

  public enum NextStep { RECORD_AND_CONTINUE, RECORD_AND_FINISH, FINISH }

  private final ResearchService research;
  private final Actors actors;

  public RecordFindingForm(ResearchService research, Actors actors) {
    this.research = research;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    data.put("findingsSoFar", research.findings(task.getExecution().getProcessBusinessKey()).size());
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    NextStep next = in.choice("nextStep", "Next step", NextStep.class);
    ResearchService.Finding finding = null;
    if (next != null && next != NextStep.FINISH) {
      finding = new ResearchService.Finding(in.text("title", "Solution title", 200),
          in.text("summary", "Summary", 4000), in.text("organisationName", "Organisation", 200),
          in.choice("organisationType", "Organisation type", Solution.OrganisationType.class),
          in.text("approach", "Approach", 200), in.text("foundWhere", "Where it was found", 500),
          in.optionalText("providerContact", "Provider contact", 200));
    }
    in.throwIfInvalid();
    if (finding != null) {
      research.recordFinding(task.getExecution().getProcessBusinessKey(), finding, actors.current(task));
    }
    CaseVariables.RESEARCH_CONTINUES.set(task.getExecution(), next == NextStep.RECORD_AND_CONTINUE);
  }
}
