package org.openchallenge.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.award.AwardService;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_RecordAlgorithmRegister: the official describes the AI system bought, for the public algorithm register. */
@Component("recordAlgorithmRegisterForm")
public class RecordAlgorithmRegisterForm extends TaskForm {

  private final AlgorithmRegister register;
  private final AwardService award;
  private final Actors actors;

  public RecordAlgorithmRegisterForm(AlgorithmRegister register, AwardService award, Actors actors) {
    this.register = register;
    this.award = award;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    award.contract(task.getExecution().getProcessBusinessKey()).ifPresent(k -> data.put("supplier", k.supplier()));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String key = task.getExecution().getProcessBusinessKey();
    String systemName = in.text("systemName", "Name of the system", 200);
    String purpose = in.text("purpose", "Purpose", 4000);
    String dataUsed = in.text("dataUsed", "Data used", 4000);
    String oversight = in.text("humanOversight", "Human oversight", 4000);
    String risks = in.text("risks", "Risks", 4000);
    String mitigations = in.text("mitigations", "Mitigations", 4000);
    String contact = in.text("contact", "Public contact", 200);
    in.throwIfInvalid();
    String supplier = award.contract(key).orElseThrow().supplier();
    register.record(new AlgorithmRegister.Entry(key, systemName, supplier, purpose, dataUsed, oversight, risks,
        mitigations, contact, null), actors.current(task));
  }
}
