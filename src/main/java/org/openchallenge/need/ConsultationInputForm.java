package org.openchallenge.need;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_GiveConsultationInput: one invited stakeholder's view on the framed challenge. */
@Component("consultationInputForm")
public class ConsultationInputForm extends TaskForm {

  private final NeedService need;

  public ConsultationInputForm(NeedService need) {
    this.need = need;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    need.challenge(task.getExecution().getProcessBusinessKey()).ifPresent(ch -> data
        .put("challengeQuestion", ch.question())
        .put("indicatorSummary", ch.indicators().stream().map(Indicator::describe).collect(Collectors.joining("\n"))));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    NeedService.Stance stance = in.choice("stance", "Your position", NeedService.Stance.class);
    String input = in.text("input", "Your input", 4000);
    in.throwIfInvalid();
    // The stakeholder of this instance, not whoever completes it: input is always attributed to the invitee.
    String stakeholder = (String) task.getVariable(CaseVariables.STAKEHOLDER);
    need.recordConsultationInput(task.getExecution().getProcessBusinessKey(), stakeholder, stance, input);
  }
}
