package org.openchallenge.need;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.cases.CaseVariables.PublicationDecision;
import org.openchallenge.platform.FormData;
import org.openchallenge.platform.FormInput;
import org.openchallenge.platform.TaskForm;
import org.springframework.stereotype.Component;

/** Task_ApprovePublication: a manager publishes the challenge, sends it back for rework, or withdraws the need. */
@Component("approvePublicationForm")
public class ApprovePublicationForm extends TaskForm {

  private final NeedService need;
  private final CaseService cases;

  public ApprovePublicationForm(NeedService need, CaseService cases) {
    this.need = need;
    this.cases = cases;
  }

  @Override
  protected void prefill(DelegateTask task, FormData data) {
    String key = task.getExecution().getProcessBusinessKey();
    data.put("caseTitle", cases.require(key).title());
    need.challenge(key).ifPresent(ch -> data.put("challengeQuestion", ch.question())
        .put("indicatorSummary", ch.indicators().stream().map(Indicator::describe).collect(Collectors.joining("\n")))
        .put("consolidation", ch.consolidation()));
  }

  @Override
  protected void submit(DelegateTask task, FormInput in) {
    PublicationDecision decision = in.choice("decision", "Decision", PublicationDecision.class);
    String comment = in.optionalText("comment", "Comment", 4000);
    if (decision != null && decision != PublicationDecision.PUBLISH && comment == null) {
      in.problem("Comment is required to send the challenge back for rework or to withdraw the need");
    }
    in.throwIfInvalid();
    need.recordPublicationComment(task.getExecution().getProcessBusinessKey(), comment);
    CaseVariables.PUBLICATION_DECISION.set(task.getExecution(), decision.name());
  }
}
