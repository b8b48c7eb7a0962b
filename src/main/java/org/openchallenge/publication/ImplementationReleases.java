package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.number;
import static org.openchallenge.publication.OcdsJson.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An implementation release per monitoring report: the reports so far and the milestones as they stand. */
final class ImplementationReleases {

  private ImplementationReleases() {
  }

  static List<Map<String, Object>> releases(OcdsCase c, OcdsContract k) {
    List<Map<String, Object>> releases = new ArrayList<>();
    for (int i = 0; i < k.reports().size(); i++) {
      Map<String, Object> r = k.reports().get(i);
      Map<String, Object> implementation = c.release("implementation", number(r, "period"), time(r, "filed_at"));
      implementation.put("contracts", List.of(k.contract("active", k.reportDocuments(i + 1), k.current())));
      releases.add(implementation);
    }
    return releases;
  }
}
