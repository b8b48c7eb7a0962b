package org.openchallenge.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting: the user authenticated on the engine call (Tasklist, REST), else the task's assignee. */
@Component
public class Actors {

  public static final String SYSTEM = "system";
  private final IdentityService identity;

  public Actors(IdentityService identity) {
    this.identity = identity;
  }

  public String current() {
    Authentication auth = identity.getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : SYSTEM;
  }

  public String current(DelegateTask task) {
    String user = current();
    return SYSTEM.equals(user) && task.getAssignee() != null ? task.getAssignee() : user;
  }
}
