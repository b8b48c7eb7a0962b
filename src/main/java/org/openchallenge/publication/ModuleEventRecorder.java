package org.openchallenge.publication;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openchallenge.cases.CaseCancelled;
import org.openchallenge.security.EngineIntervention;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records in the ledger the events of modules that the publication module depends on, and that so cannot call the
 * ledger themselves. Listeners run in the publisher's transaction: the entry commits with the change or not at all.
 */
@Component
class ModuleEventRecorder {

  private final Ledger ledger;
  private final ActorRoles roles;

  ModuleEventRecorder(Ledger ledger, ActorRoles roles) {
    this.ledger = ledger;
    this.roles = roles;
  }

  @EventListener
  void record(CaseCancelled cancelled) {
    ledger.record(cancelled.businessKey(), "case.cancelled", cancelled.businessKey(), cancelled.by(),
        Map.of("reason", cancelled.reason()));
  }

  /** An administrator's change by hand through the engine's API. */
  @EventListener
  void record(EngineIntervention intervention) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("operation", intervention.operation());
    if (intervention.objectId() != null) {
      data.put("object", intervention.objectId());
    }
    ledger.record(new Ledger.Event(null, "engine.intervention", intervention.operation(),
        roles.of(intervention.userId()), intervention.userId(), data, intervention.processInstanceId()));
  }
}
