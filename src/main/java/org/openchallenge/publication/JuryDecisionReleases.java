package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.get;
import static org.openchallenge.publication.OcdsJson.map;
import static org.openchallenge.publication.OcdsJson.number;
import static org.openchallenge.publication.OcdsJson.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per jury decision, in round order: a tenderUpdate marking the tender unsuccessful when the jury did not award, an
 * award release once an award is confirmed. One builder for both tags, so that rounds keep their order.
 */
final class JuryDecisionReleases {

  private JuryDecisionReleases() {
  }

  static List<Map<String, Object>> releases(JdbcClient db, OcdsCase c) {
    List<Map<String, Object>> releases = new ArrayList<>();
    for (Map<String, Object> d : db.sql("""
        select d.*, s.organisation_name, s.title from jury_decision d left join solution s on s.id = d.solution_id
        where d.case_id = :c order by d.jury_round""").param("c", c.id()).query().listOfRows()) {
      int round = number(d, "jury_round");
      if (!Boolean.TRUE.equals(get(d, "awarded"))) {
        Map<String, Object> none = c.release("tenderUpdate", 1000 + round, time(d, "decided_at"));
        none.put("tender", map("id", c.key(), "status", "unsuccessful", "statusDetails", get(d, "reason")));
        releases.add(none);
      } else if (Boolean.TRUE.equals(get(d, "confirmed"))) {
        releases.add(award(c, d, round));
      }
    }
    return releases;
  }

  private static Map<String, Object> award(OcdsCase c, Map<String, Object> d, int round) {
    long solution = ((Number) get(d, "solution_id")).longValue();
    Map<String, Object> award = c.release("award", round, time(d, "reviewed_at"));
    award.put("awards", List.of(map("id", "award-" + round, "title", get(d, "title"), "description",
        get(d, "reason"), "status", "active", "date", time(d, "reviewed_at"),
        "suppliers", List.of(map("id", "org-" + solution, "name", get(d, "organisation_name"))))));
    award.put("parties", c.parties(map("id", "org-" + solution, "name", get(d, "organisation_name"),
        "roles", List.of("tenderer", "supplier"))));
    return award;
  }
}
