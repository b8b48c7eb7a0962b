package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.time;

import java.util.List;
import java.util.Map;

/** The contract release: the contract as signed, with its milestones as planned. */
final class ContractRelease {

  private ContractRelease() {
  }

  static Map<String, Object> release(OcdsCase c, OcdsContract k) {
    Map<String, Object> signed = c.release("contract", 1, time(k.row(), "recorded_at"));
    signed.put("contracts", List.of(k.contract("active", List.of(), k.planned())));
    return signed;
  }
}
