package org.openchallenge.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.openchallenge.cases.CaseService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations of every role, granted at start-up and idempotently (a missing grant is added, nothing is
 * taken away). This is the engine half of the role matrix in docs/security.md; the application's API checks its own
 * half. Tasks need no grant here: the engine gives a task's assignee and candidate groups access to that task alone.
 */
@Component
public class AuthorizationSetup {

  /** The roles that work tasks in Tasklist. */
  static final List<String> TASKLIST_ROLES =
      List.of(Roles.OFFICIALS, Roles.MANAGERS, Roles.RESEARCHERS, Roles.JURORS, Roles.STAKEHOLDERS);
  /** The roles that watch processes in Cockpit. */
  static final List<String> COCKPIT_ROLES = List.of(Roles.MANAGERS, Roles.ANALYSTS);

  private final AuthorizationService authorizations;
  private final FilterService filters;

  public AuthorizationSetup(AuthorizationService authorizations, FilterService filters) {
    this.authorizations = authorizations;
    this.filters = filters;
  }

  /** After RoleSetup, which creates the groups and filters these grants refer to. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void grant() {
    for (Resource resource : Resources.values()) {
      grant(Roles.ADMINISTRATORS, resource, ANY, Permissions.ALL);
    }

    for (String role : TASKLIST_ROLES) {
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Task forms show their process's name and diagram; the models are public anyway.
      grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(role, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      filter(role, RoleSetup.MY_TASKS);
    }
    for (String role : List.of(Roles.OFFICIALS, Roles.MANAGERS, Roles.RESEARCHERS)) {
      filter(role, RoleSetup.MY_GROUPS_TASKS);
      filter(role, RoleSetup.groupFilterName(role));
      // City staff see who works on what; jurors and stakeholders do not see the directory.
      grant(role, Resources.USER, ANY, Permissions.READ);
      grant(role, Resources.GROUP, ANY, Permissions.READ);
    }

    grant(Roles.OFFICIALS, Resources.PROCESS_DEFINITION, CaseService.PROCESS_KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Roles.OFFICIALS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    for (String role : COCKPIT_ROLES) {
      grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // No READ_HISTORY: history keeps what users typed into completed task forms (a juror's scores and conflict
      // details among them), which only the application's services may hand out, and only when the rules allow.
      grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE);
      grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(role, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(role, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // Managers move a case's timers (closing a window early) from Cockpit's jobs tab.
    grant(Roles.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.UPDATE);
    // Analysts redesign the models and deploy them.
    grant(Roles.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.CREATE);
  }

  private void filter(String role, String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    if (filter == null) {
      throw new IllegalStateException("Tasklist filter '" + filterName + "' is missing");
    }
    grant(role, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(grant::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
