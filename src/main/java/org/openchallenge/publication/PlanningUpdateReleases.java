package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.get;
import static org.openchallenge.publication.OcdsJson.map;
import static org.openchallenge.publication.OcdsJson.number;
import static org.openchallenge.publication.OcdsJson.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A planningUpdate per published research brief, each listing the briefs so far as market studies. */
final class PlanningUpdateReleases {

  private PlanningUpdateReleases() {
  }

  static List<Map<String, Object>> releases(JdbcClient db, OcdsCase c) {
    List<Map<String, Object>> briefs = db.sql("""
        select * from research_brief where case_id = :c and published_at is not null order by research_round""")
        .param("c", c.id()).query().listOfRows();
    List<Map<String, Object>> studies = new ArrayList<>();
    List<Map<String, Object>> releases = new ArrayList<>();
    for (Map<String, Object> b : briefs) {
      int round = number(b, "research_round");
      studies.add(map("id", "research-brief-" + round, "documentType", "marketStudies",
          "title", "Research brief, round " + round, "description", get(b, "landscape"),
          "datePublished", time(b, "published_at")));
      Map<String, Object> update = c.release("planningUpdate", round, time(b, "published_at"));
      update.put("planning", map("documents", List.copyOf(studies)));
      releases.add(update);
    }
    return releases;
  }
}
