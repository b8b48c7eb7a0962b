package org.openchallenge.jury;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_ReviewCompositionWarnings: the official overrides the check's warnings with a justification, or revises. */
@Component("reviewCompositionWarningsForm")
public class ReviewCompositionWarningsForm extends TaskForm {

  public enum WarningsDecision { OVERRIDE, REVISE }

  private final JuryComposition jury;
  private final CompositionCheck check;
  private final Actors actors;

  public ReviewCompositionWarningsForm(JuryComposition jury, CompositionCheck check, Actors actors) {
    this.jury = jury;
    this.check = check;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    data.put("warnings", check.latestFindings(key).stream().map(CompositionCheck.Finding::reason)
            .collect(Collectors.joining("\n")))
        .put("jury", jury.members(key).stream().map(m -> m.username() + " (" + m.seatType().name() + ")")
            .collect(Collectors.joining("\n")));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    WarningsDecision decision = in.choice("warningsDecision", "Decision", WarningsDecision.class);
    String justification = in.optionalText("overrideJustification", "Justification", 4000);
    if (decision == WarningsDecision.OVERRIDE && justification == null) {
      in.problem("Justification is required to override the warnings");
    }
    in.throwIfInvalid();
    if (decision == WarningsDecision.OVERRIDE) {
      check.overrideWarnings(task.getExecution().getProcessBusinessKey(), justification, actors.current(task));
    }
    CaseVariables.WARNINGS_OVERRIDDEN.set(task.getExecution(), decision == WarningsDecision.OVERRIDE);
  }
}
