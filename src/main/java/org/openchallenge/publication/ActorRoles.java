package org.openchallenge.publication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.openchallenge.platform.Actors;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.security.Roles;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who acts, for the ledger: the role a user acts in (their first city role, "administrators", or "system" for the
 * engine) and the name the public sees for them (their full name, never the login name that signs them in).
 */
@Component
public class ActorRoles {

  /** The role of what the engine and the application do on their own: platform's acting user of that name. */
  public static final String SYSTEM = Actors.SYSTEM;

  private final IdentityService identity;
  private final EngineAsSystem system;

  // Lazy: the ledger's history handler is built before the engine whose identity service this is.
  public ActorRoles(@Lazy IdentityService identity, @Lazy EngineAsSystem system) {
    this.identity = identity;
    this.system = system;
  }

  /** A user as the ledger knows them: role and public name. */
  record Actor(String role, String publicName) {
  }

  public String of(String userId) {
    if (userId == null || SYSTEM.equals(userId)) {
      return SYSTEM;
    }
    return actor(userId).role();
  }

  /** The user's full name, for what is published; null when the directory has none. */
  public String publicName(String userId) {
    if (userId == null || SYSTEM.equals(userId)) {
      return null;
    }
    return actor(userId).publicName();
  }

  private Actor actor(String userId) {
    // One lookup per user and transaction: a transition records several entries by the same user.
    @SuppressWarnings("unchecked")
    Map<String, Actor> known = TransactionSynchronizationManager.isSynchronizationActive()
        ? (Map<String, Actor>) TransactionSynchronizationManager.getResource(this) : null;
    if (known == null && TransactionSynchronizationManager.isSynchronizationActive()) {
      Map<String, Actor> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(ActorRoles.this);
        }
      });
      known = fresh;
    }
    if (known == null) {
      return lookUp(userId);
    }
    return known.computeIfAbsent(userId, this::lookUp);
  }

  private Actor lookUp(String userId) {
    List<String> groups = system.call(() -> identity.createGroupQuery().groupMember(userId).list()).stream()
        .map(Group::getId).toList();
    User user = system.call(() -> identity.createUserQuery().userId(userId).singleResult());
    String name = user == null ? "" : String.join(" ", user.getFirstName() == null ? "" : user.getFirstName(),
        user.getLastName() == null ? "" : user.getLastName()).strip();
    String role = groups.contains(Roles.ADMINISTRATORS) ? "administrators" : "unknown";
    for (String cityRole : Roles.CITY_ROLES) {
      if (groups.contains(cityRole)) {
        role = cityRole;
        break;
      }
    }
    return new Actor(role, name.isEmpty() ? null : name);
  }
}
