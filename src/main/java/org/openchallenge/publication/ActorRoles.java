package org.openchallenge.publication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.security.Roles;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The role a user acts in, for the ledger: their first city role, "administrators", or "system" for the engine. */
@Component
public class ActorRoles {

  public static final String SYSTEM = "system";

  private final IdentityService identity;
  private final EngineAsSystem system;

  // Lazy: the ledger's history handler is built before the engine whose identity service this is.
  public ActorRoles(@Lazy IdentityService identity, @Lazy EngineAsSystem system) {
    this.identity = identity;
    this.system = system;
  }

  public String of(String userId) {
    if (userId == null || SYSTEM.equals(userId)) {
      return SYSTEM;
    }
    // One lookup per user and transaction: a transition records several entries by the same user.
    @SuppressWarnings("unchecked")
    Map<String, String> known = TransactionSynchronizationManager.isSynchronizationActive()
        ? (Map<String, String>) TransactionSynchronizationManager.getResource(this) : null;
    if (known == null && TransactionSynchronizationManager.isSynchronizationActive()) {
      Map<String, String> fresh = new HashMap<>();
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

  private String lookUp(String userId) {
    List<String> groups = system.call(() -> identity.createGroupQuery().groupMember(userId).list()).stream()
        .map(Group::getId).toList();
    for (String role : Roles.CITY_ROLES) {
      if (groups.contains(role)) {
        return role;
      }
    }
    return groups.contains(Roles.ADMINISTRATORS) ? "administrators" : "unknown";
  }
}
