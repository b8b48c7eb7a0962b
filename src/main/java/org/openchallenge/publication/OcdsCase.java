package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A published case as the release builders share it: its row (with the challenge's question, publication and score
 * scale), its ocid, the jury's criteria as awardCriteriaDetails (null without criteria) and the buyer's name.
 */
record OcdsCase(String key, String ocid, Map<String, Object> row, String awardCriteria, String buyer) {

  long id() {
    return ((Number) OcdsJson.get(row, "id")).longValue();
  }

  Object get(String column) {
    return OcdsJson.get(row, column);
  }

  /** A release's common fields; the builder adds what its tag publishes. */
  Map<String, Object> release(String tag, long sequence, String date) {
    Map<String, Object> r = map("ocid", ocid, "id", ocid + "-" + tag + "-" + sequence, "date", date,
        "tag", List.of(tag), "initiationType", "tender", "language", "en");
    r.put("buyer", map("id", "buyer", "name", buyer + " – " + get("department")));
    r.put("parties", parties());
    return r;
  }

  /** The buyer, then these parties. */
  @SafeVarargs
  final List<Map<String, Object>> parties(Map<String, Object>... others) {
    List<Map<String, Object>> parties = new ArrayList<>();
    parties.add(map("id", "buyer", "name", buyer, "roles", List.of("buyer", "procuringEntity")));
    parties.addAll(List.of(others));
    return parties;
  }

  Map<String, Object> tender(String status) {
    return map("id", key, "title", get("title"), "description", get("problem"), "status", status,
        "procurementMethodRationale", "Open, challenge-based procurement of innovation");
  }

  /** The tender with the jury's criteria added last (so they follow the fields already put). */
  Map<String, Object> withAwardCriteria(Map<String, Object> tender) {
    if (awardCriteria != null) {
      tender.put("awardCriteria", "ratedCriteria");
      tender.put("awardCriteriaDetails", awardCriteria);
    }
    return tender;
  }
}
