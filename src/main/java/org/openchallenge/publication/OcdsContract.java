package org.openchallenge.publication;

import static org.openchallenge.publication.OcdsJson.get;
import static org.openchallenge.publication.OcdsJson.map;
import static org.openchallenge.publication.OcdsJson.time;
import static org.openchallenge.publication.OcdsJson.trim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case's contract as the contract, implementation and contractTermination releases share it: the contract row,
 * the award it follows, its delivery milestones (as planned and as they stand now) and its monitoring reports.
 */
record OcdsContract(Map<String, Object> row, String awardId, List<Map<String, Object>> planned,
                    List<Map<String, Object>> current, List<Map<String, Object>> reports) {

  static Optional<OcdsContract> find(JdbcClient db, Clock clock, OcdsCase c) {
    Optional<Map<String, Object>> contract = db.sql("select * from contract where case_id = :c")
        .param("c", c.id()).query().listOfRows().stream().findFirst();
    if (contract.isEmpty()) {
      return Optional.empty();
    }
    List<Map<String, Object>> milestones = db.sql(
        "select * from delivery_milestone where case_id = :c order by position").param("c", c.id())
        .query().listOfRows();
    List<Map<String, Object>> reports = db.sql("select * from monitoring_report where case_id = :c order by period")
        .param("c", c.id()).query().listOfRows();
    return Optional.of(new OcdsContract(contract.get(), "award-" + c.get("jury_round"),
        milestones(milestones, false, clock), milestones(milestones, true, clock), reports));
  }

  /** The first {@code count} monitoring reports as implementation documents. */
  List<Map<String, Object>> reportDocuments(int count) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Map<String, Object> r : reports.subList(0, count)) {
      int period = OcdsJson.number(r, "period");
      documents.add(map("id", "report-" + period, "documentType", "physicalProgressReport",
          "title", "Monitoring report " + period, "description", get(r, "progress"),
          "datePublished", time(r, "filed_at")));
    }
    return List.copyOf(documents);
  }

  Map<String, Object> contract(String status, List<Map<String, Object>> reportDocuments,
                               List<Map<String, Object>> milestones) {
    Map<String, Object> contract = map("id", "contract-1", "awardID", awardId, "status", status,
        "period", map("startDate", row.get("start_date").toString() + "T00:00:00Z",
            "endDate", row.get("end_date").toString() + "T23:59:59Z"),
        "value", map("amount", (BigDecimal) get(row, "contract_value"), "currency", trim(get(row, "currency"))),
        "dateSigned", time(row, "recorded_at"));
    if (!reportDocuments.isEmpty()) {
      contract.put("implementation", map("documents", reportDocuments));
    }
    if (!milestones.isEmpty()) {
      contract.put("milestones", milestones);
    }
    return contract;
  }

  /**
   * The contract's delivery milestones: as planned (all scheduled), or as they stand now (met on the day they were
   * completed, not met once past due, else scheduled with their current due date).
   */
  private static List<Map<String, Object>> milestones(List<Map<String, Object>> rows, boolean current, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    return rows.stream().map(m -> {
      LocalDate due = LocalDate.parse(get(m, "due_date").toString());
      Map<String, Object> milestone = map("id", "milestone-" + get(m, "position"), "title", get(m, "name"),
          "type", "delivery", "dueDate", due + "T23:59:59Z", "status", "scheduled");
      if (current && "COMPLETED".equals(get(m, "status"))) {
        milestone.put("status", "met");
        milestone.put("dateMet", get(m, "completed_on") + "T00:00:00Z");
      } else if (current && due.isBefore(today)) {
        milestone.put("status", "notMet");
      }
      return milestone;
    }).toList();
  }
}
