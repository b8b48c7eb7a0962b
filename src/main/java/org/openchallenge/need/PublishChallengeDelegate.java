package org.openchallenge.need;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishChallenge: the approved challenge becomes public. */
@Component("publishChallenge")
public class PublishChallengeDelegate implements JavaDelegate {

  private final NeedService need;

  public PublishChallengeDelegate(NeedService need) {
    this.need = need;
  }

  @Override
  public void execute(DelegateExecution execution) {
    need.publish(execution.getProcessBusinessKey());
  }
}
