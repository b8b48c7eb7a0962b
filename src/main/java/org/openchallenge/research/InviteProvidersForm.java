package org.openchallenge.research;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_InviteProviders: the providers of the solutions found are invited to submit to the challenge. */
@Component("inviteProvidersForm")
public class InviteProvidersForm extends TaskForm {

  private final ResearchService research;
  private final Actors actors;

  public InviteProvidersForm(ResearchService research, Actors actors) {
    this.research = research;
    this.actors = actors;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    data.put("findings", research.findings(task.getExecution().getProcessBusinessKey()).stream()
        .map(s -> s.label() + (s.providerContact() == null ? "" : " - " + s.providerContact()))
        .collect(Collectors.joining("\n")));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    String message = in.text("invitationMessage", "Invitation message", 4000);
    if (!in.checked("invitationsSent")) {
      in.problem("Confirm that the invitations were sent");
    }
    in.throwIfInvalid();
    research.recordInvitation(task.getExecution().getProcessBusinessKey(), message, actors.current(task));
  }
}
