package org.openchallenge.publication;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openchallenge.security.EngineIntervention;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Publishes an administrator's change by hand in the ledger, in the transaction of the change. */
@Component
class EngineInterventionRecorder {

  static final String KIND = "engine.intervention";

  private final Ledger ledger;
  private final ActorRoles roles;

  EngineInterventionRecorder(Ledger ledger, ActorRoles roles) {
    this.ledger = ledger;
    this.roles = roles;
  }

  @EventListener
  void record(EngineIntervention intervention) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("operation", intervention.operation());
    if (intervention.objectId() != null) {
      data.put("object", intervention.objectId());
    }
    ledger.record(new Ledger.Event(null, KIND, intervention.operation(), roles.of(intervention.userId()),
        intervention.userId(), data, intervention.processInstanceId()));
  }
}
