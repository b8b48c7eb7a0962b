package org.openchallenge.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The city's users and groups as Camunda's identity service knows them. */
@Component
public class Directory {

  private final IdentityService identity;
  private final EngineAsSystem system;

  public Directory(IdentityService identity, EngineAsSystem system) {
    this.identity = identity;
    this.system = system;
  }

  /** Members of a group: user id to display name, ordered by id. */
  public Map<String, String> members(String group) {
    Map<String, String> members = new LinkedHashMap<>();
    // Whoever completes a task may not read the directory; offering its members is the application's job.
    for (User u : system.call(() -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list())) {
      String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
          + (u.getLastName() == null ? "" : u.getLastName())).strip();
      members.put(u.getId(), name.isEmpty() ? u.getId() : name + " (" + u.getId() + ")");
    }
    return members;
  }

  public boolean isMember(String userId, String group) {
    return system.call(() -> identity.createUserQuery().userId(userId).memberOfGroup(group).count()) > 0;
  }
}
