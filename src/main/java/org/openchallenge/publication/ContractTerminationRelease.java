package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.time;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contractTermination release once a contracted case is closed, with the outcome as the reason. */
final class ContractTerminationRelease {

  private ContractTerminationRelease() {
  }

  static Optional<Map<String, Object>> release(OcdsCase c, OcdsContract k) {
    String closed = time(c.row(), "closed_at");
    if (closed == null) {
      return Optional.empty();
    }
    Map<String, Object> ended = c.release("contractTermination", 1, closed);
    Map<String, Object> terminated = k.contract("terminated", k.reportDocuments(k.reports().size()), k.current());
    terminated.put("statusDetails", c.get("outcome_reason") != null ? c.get("outcome_reason") : c.get("outcome"));
    ended.put("contracts", List.of(terminated));
    return Optional.of(ended);
  }
}
