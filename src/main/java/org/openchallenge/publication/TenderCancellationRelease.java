package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.time;

import java.util.Map;
import java.util.Optional;

/** The tenderCancellation release of a case cancelled, or whose challenge was, before any contract. */
final class TenderCancellationRelease {

  private TenderCancellationRelease() {
  }

  static Optional<Map<String, Object>> release(OcdsCase c) {
    Object outcome = c.get("outcome");
    if (!"CHALLENGE_CANCELLED".equals(outcome) && !"CANCELLED".equals(outcome)) {
      return Optional.empty();
    }
    Map<String, Object> cancelled = c.release("tenderCancellation", 1, time(c.row(), "closed_at"));
    Map<String, Object> t = c.tender("cancelled");
    // put, not map(): a case without a reason keeps its null statusDetails.
    t.put("statusDetails", c.get("outcome_reason"));
    cancelled.put("tender", t);
    return Optional.of(cancelled);
  }
}
