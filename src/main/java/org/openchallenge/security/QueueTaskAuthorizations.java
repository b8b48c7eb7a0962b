package org.openchallenge.security;

import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's grants on a task, as Camunda makes them when a task gets its assignee and candidates, with one
 * addition. Assignees and candidates get TASK_WORK only (application.yml): they work on the task, they do not hand
 * it on. A task in a group's queue may also be given back to the queue or to a colleague, so its candidate group
 * gets TASK_ASSIGN on that task alone; a personal task (a juror's, a stakeholder's) has no candidate group and stays
 * with its holder. {@link EngineApiGuard} narrows this further: only to members of the queue's group.
 */
@Component
public class QueueTaskAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        AuthorizationEntity[] grants = super.newTaskGroupIdentityLink(task, groupId, type);
        if (IdentityLinkType.CANDIDATE.equals(type) && grants != null) {
          for (AuthorizationEntity grant : grants) {
            grant.addPermission(TaskPermissions.TASK_ASSIGN);
          }
        }
        return grants;
      }
    });
  }
}
