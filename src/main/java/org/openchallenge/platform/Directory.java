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

  public Directory(IdentityService identity) {
    this.identity = identity;
  }

  /** Members of a group: user id to display name, ordered by id. */
  public Map<String, String> members(String group) {
    Map<String, String> members = new LinkedHashMap<>();
    for (User u : identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
      String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
          + (u.getLastName() == null ? "" : u.getLastName())).strip();
      members.put(u.getId(), name.isEmpty() ? u.getId() : name + " (" + u.getId() + ")");
    }
    return members;
  }

  public boolean isMember(String userId, String group) {
    return identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
  }
}
