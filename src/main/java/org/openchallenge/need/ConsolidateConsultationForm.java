package org.openchallenge.need;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_ConsolidateConsultation: the official summarises what stakeholders said and what changes because of it. */
@Component("consolidateConsultationForm")
public class ConsolidateConsultationForm extends TaskForm {

  private final NeedService need;

  public ConsolidateConsultationForm(NeedService need) {
    this.need = need;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    var inputs = need.consultationInputs(task.getExecution().getProcessBusinessKey());
    data.put("inputCount", inputs.size()).put("consultationInputs", inputs.isEmpty()
        ? "No stakeholder answered within the consultation window."
        : inputs.stream().map(i -> "[" + i.stance().name().toLowerCase().replace('_', ' ') + "] " + i.input())
            .collect(Collectors.joining("\n\n")));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String consolidation = in.text("consolidation", "Consolidated outcome of the consultation", 4000);
    in.throwIfInvalid();
    need.consolidate(task.getExecution().getProcessBusinessKey(), consolidation);
  }
}
