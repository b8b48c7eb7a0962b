package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.map;
import static org.openchallenge.publication.OcdsJson.number;
import static org.openchallenge.publication.OcdsJson.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A tender release per intake opening: the open call and its submission period. */
final class TenderReleases {

  private TenderReleases() {
  }

  static List<Map<String, Object>> releases(JdbcClient db, OcdsCase c) {
    List<Map<String, Object>> releases = new ArrayList<>();
    for (Map<String, Object> w : db.sql("select * from intake_window where case_id = :c order by research_round")
        .param("c", c.id()).query().listOfRows()) {
      Map<String, Object> tender = c.release("tender", number(w, "research_round"), time(w, "opened_at"));
      Map<String, Object> t = c.tender("active");
      t.put("procurementMethod", "open");
      t.put("submissionMethod", List.of("electronicSubmission"));
      t.put("tenderPeriod", map("startDate", time(w, "opened_at"), "endDate", time(w, "deadline")));
      tender.put("tender", c.withAwardCriteria(t));
      releases.add(tender);
    }
    return releases;
  }
}
