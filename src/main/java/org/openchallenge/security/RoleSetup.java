package org.openchallenge.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, idempotently: the role groups and a Tasklist filter per role (every profile), and the demo users
 * (only with {@code openchallenge.demo-data=true}, never in production).
 */
@Component
public class RoleSetup {

  private static final Logger LOG = LoggerFactory.getLogger(RoleSetup.class);
  public static final String DEMO_PASSWORD = "demo";
  static final String MY_TASKS = "My tasks";
  static final String MY_GROUPS_TASKS = "My groups' tasks";

  /** Demo user id, first name, last name, groups. */
  static final List<List<Object>> DEMO_USERS = List.of(
      List.of("olivia", "Olivia", "Official", List.of(Roles.OFFICIALS)),
      List.of("oscar", "Oscar", "Official", List.of(Roles.OFFICIALS)),
      List.of("mara", "Mara", "Manager", List.of(Roles.MANAGERS)),
      List.of("rosa", "Rosa", "Researcher", List.of(Roles.RESEARCHERS)),
      List.of("judy", "Judy", "Juror", List.of(Roles.JURORS)),
      List.of("jules", "Jules", "Juror", List.of(Roles.JURORS)),
      List.of("jonas", "Jonas", "Juror", List.of(Roles.JURORS)),
      List.of("sam", "Sam", "Stakeholder", List.of(Roles.STAKEHOLDERS)),
      List.of("sofia", "Sofia", "Stakeholder", List.of(Roles.STAKEHOLDERS)),
      List.of("ana", "Ana", "Analyst", List.of(Roles.ANALYSTS)),
      List.of("paula", "Paula", "Provider", List.of(Roles.PROVIDERS)),
      List.of("pedro", "Pedro", "Provider", List.of(Roles.PROVIDERS)),
      List.of("admin", "Ada", "Administrator", List.of(Roles.ADMINISTRATORS)));

  private final IdentityService identity;
  private final FilterService filters;
  private final TaskService tasks;
  private final boolean demoData;

  public RoleSetup(IdentityService identity, FilterService filters, TaskService tasks,
                   @Value("${openchallenge.demo-data:false}") boolean demoData) {
    this.identity = identity;
    this.filters = filters;
    this.tasks = tasks;
    this.demoData = demoData;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void setUp() {
    group(Roles.ADMINISTRATORS, "Administrators", "SYSTEM");
    for (String role : Roles.CITY_ROLES) {
      group(role, Character.toUpperCase(role.charAt(0)) + role.substring(1), "WORKFLOW");
    }
    taskFilters();
    if (demoData) {
      demoUsers();
    }
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(type);
      identity.saveGroup(g);
    }
  }

  private void taskFilters() {
    filter(MY_TASKS, -10, "Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filter(MY_GROUPS_TASKS, -5, "Open tasks of the groups I belong to",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    int priority = 0;
    for (String role : List.of(Roles.OFFICIALS, Roles.MANAGERS, Roles.RESEARCHERS)) {
      filter(groupFilterName(role), priority++, "Open tasks of the " + role + " group",
          tasks.createTaskQuery().taskCandidateGroup(role).includeAssignedTasks());
    }
  }

  static String groupFilterName(String role) {
    return "Tasks of " + role;
  }

  private void filter(String name, int priority, String description, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() == 0) {
      Filter f = filters.newTaskFilter(name).setQuery(query)
          .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
      filters.saveFilter(f);
    }
  }

  @SuppressWarnings("unchecked")
  private void demoUsers() {
    for (List<Object> u : DEMO_USERS) {
      String id = (String) u.get(0);
      if (identity.createUserQuery().userId(id).count() == 0) {
        var user = identity.newUser(id);
        user.setFirstName((String) u.get(1));
        user.setLastName((String) u.get(2));
        user.setEmail(id + "@city.example");
        user.setPassword(DEMO_PASSWORD);
        identity.saveUser(user);
        for (String group : (List<String>) u.get(3)) {
          identity.createMembership(id, group);
        }
      }
    }
    LOG.warn("Demo users are present (password '{}'); never run with openchallenge.demo-data=true in production",
        DEMO_PASSWORD);
  }
}
