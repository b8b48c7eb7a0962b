package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.map;
import static org.openchallenge.publication.OcdsJson.time;
import static org.openchallenge.publication.OcdsJson.trim;

import java.util.Map;

/** The planning release: the challenge as published, its budget, and the tender as planned. */
final class PlanningRelease {

  private PlanningRelease() {
  }

  static Map<String, Object> release(OcdsCase c) {
    Map<String, Object> planning = c.release("planning", 1, time(c.row(), "published_at"));
    planning.put("planning", map("rationale", c.get("question"), "budget", map(
        "description", c.get("public_value"),
        "amount", map("amount", c.get("budget_envelope"), "currency", trim(c.get("currency"))))));
    planning.put("tender", c.withAwardCriteria(c.tender("planned")));
    return planning;
  }
}
