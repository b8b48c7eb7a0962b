package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.get;
import static org.openchallenge.publication.OcdsJson.map;
import static org.openchallenge.publication.OcdsJson.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenderUpdate per screened submission, as a bid of the bids extension, its provider as tenderer. */
final class BidReleases {

  private BidReleases() {
  }

  static List<Map<String, Object>> releases(JdbcClient db, OcdsCase c) {
    List<Map<String, Object>> releases = new ArrayList<>();
    // Screened submissions only; withdrawn ones were screened before they were withdrawn.
    for (Map<String, Object> s : db.sql("""
        select * from solution where case_id = :c and source = 'SUBMISSION' and screened_at is not null
        order by screened_at, id""").param("c", c.id()).query().listOfRows()) {
      long id = ((Number) get(s, "id")).longValue();
      Map<String, Object> update = c.release("tenderUpdate", id, time(s, "screened_at"));
      update.put("tender", map("id", c.key(), "status", "active"));
      update.put("bids", map("details", List.of(map("id", "bid-" + id, "date", time(s, "recorded_at"),
          "status", bidStatus((String) get(s, "status")),
          "tenderers", List.of(map("id", "org-" + id, "name", get(s, "organisation_name")))))));
      update.put("parties", c.parties(map("id", "org-" + id, "name", get(s, "organisation_name"),
          "roles", List.of("tenderer"))));
      releases.add(update);
    }
    return releases;
  }

  private static String bidStatus(String status) {
    return switch (status) {
      case "ELIGIBLE", "AWARDED" -> "valid";
      case "NOT_ELIGIBLE" -> "disqualified";
      case "WITHDRAWN" -> "withdrawn";
      default -> "pending";
    };
  }
}
