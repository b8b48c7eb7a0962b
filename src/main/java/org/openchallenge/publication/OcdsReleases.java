package org.openchallenge.publication;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A case as Open Contracting Data Standard 1.1.5 releases, from publication on, one release per published step:
 * planning (challenge published), planningUpdate (each research brief, as a market study), tender (each intake
 * opening), tenderUpdate (each screened submission, as a bid of the bids extension; a jury's decision not to award),
 * award, contract, implementation (each monitoring report), tenderCancellation and contractTermination. Only what is
 * public goes in: never confidential details, conflict details, stakeholders or internal comments.
 */
@Service
public class OcdsReleases {

  public static final String BIDS_EXTENSION =
      "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final JdbcClient db;
  private final String prefix;
  private final String publisher;
  private final String buyer;
  private final java.time.Clock clock;

  public OcdsReleases(JdbcClient db, @Value("${openchallenge.ocds.prefix:ocds-0pench}") String prefix,
                      @Value("${openchallenge.ocds.publisher:Open Challenge}") String publisher,
                      @Value("${openchallenge.ocds.buyer:The City}") String buyer, java.time.Clock clock) {
    this.db = db;
    this.clock = clock;
    this.prefix = prefix;
    this.publisher = publisher;
    this.buyer = buyer;
  }

  public String ocid(String caseKey) {
    return prefix + "-" + caseKey;
  }

  /** The case's releases in date order; empty for a case not (yet) published. */
  public List<Map<String, Object>> releases(String caseKey) {
    Optional<Map<String, Object>> found = db.sql("""
        select c.*, ch.question, ch.published_at, ch.score_scale from procurement_case c join challenge ch on ch.case_id = c.id
        where c.business_key = :k and ch.published_at is not null""").param("k", caseKey).query().listOfRows()
        .stream().findFirst();
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, Object> c = found.get();
    long caseId = ((Number) get(c, "id")).longValue();
    String ocid = ocid(caseKey);
    List<Map<String, Object>> releases = new ArrayList<>();

    Map<String, Object> planning = release(ocid, "planning", 1, time(c, "published_at"), c);
    planning.put("planning", map("rationale", get(c, "question"), "budget", map(
        "description", get(c, "public_value"),
        "amount", map("amount", get(c, "budget_envelope"), "currency", trim(get(c, "currency"))))));
    String awardCriteria = awardCriteriaDetails(caseId, c);
    planning.put("tender", withAwardCriteria(tender(caseKey, c, "planned"), awardCriteria));
    releases.add(planning);

    List<Map<String, Object>> briefs = db.sql("""
        select * from research_brief where case_id = :c and published_at is not null order by research_round""")
        .param("c", caseId).query().listOfRows();
    List<Map<String, Object>> studies = new ArrayList<>();
    for (Map<String, Object> b : briefs) {
      int round = ((Number) get(b, "research_round")).intValue();
      studies.add(map("id", "research-brief-" + round, "documentType", "marketStudies",
          "title", "Research brief, round " + round, "description", get(b, "landscape"),
          "datePublished", time(b, "published_at")));
      Map<String, Object> update = release(ocid, "planningUpdate", round, time(b, "published_at"), c);
      update.put("planning", map("documents", List.copyOf(studies)));
      releases.add(update);
    }

    for (Map<String, Object> w : db.sql("select * from intake_window where case_id = :c order by research_round")
        .param("c", caseId).query().listOfRows()) {
      int round = ((Number) get(w, "research_round")).intValue();
      Map<String, Object> tender = release(ocid, "tender", round, time(w, "opened_at"), c);
      Map<String, Object> t = tender(caseKey, c, "active");
      t.put("procurementMethod", "open");
      t.put("submissionMethod", List.of("electronicSubmission"));
      t.put("tenderPeriod", map("startDate", time(w, "opened_at"), "endDate", time(w, "deadline")));
      tender.put("tender", withAwardCriteria(t, awardCriteria));
      releases.add(tender);
    }

    // Screened submissions only; withdrawn ones were screened before they were withdrawn.
    for (Map<String, Object> s : db.sql("""
        select * from solution where case_id = :c and source = 'SUBMISSION' and screened_at is not null
        order by screened_at, id""").param("c", caseId).query().listOfRows()) {
      long id = ((Number) get(s, "id")).longValue();
      Map<String, Object> update = release(ocid, "tenderUpdate", id, time(s, "screened_at"), c);
      update.put("tender", map("id", caseKey, "status", "active"));
      update.put("bids", map("details", List.of(map("id", "bid-" + id, "date", time(s, "recorded_at"),
          "status", bidStatus((String) get(s, "status")),
          "tenderers", List.of(map("id", "org-" + id, "name", get(s, "organisation_name")))))));
      update.put("parties", parties(map("id", "org-" + id, "name", get(s, "organisation_name"),
          "roles", List.of("tenderer"))));
      releases.add(update);
    }

    for (Map<String, Object> d : db.sql("""
        select d.*, s.organisation_name, s.title from jury_decision d left join solution s on s.id = d.solution_id
        where d.case_id = :c order by d.jury_round""").param("c", caseId).query().listOfRows()) {
      int round = ((Number) get(d, "jury_round")).intValue();
      if (!Boolean.TRUE.equals(get(d, "awarded"))) {
        Map<String, Object> none = release(ocid, "tenderUpdate", 1000 + round, time(d, "decided_at"), c);
        none.put("tender", map("id", caseKey, "status", "unsuccessful", "statusDetails", get(d, "reason")));
        releases.add(none);
      } else if (Boolean.TRUE.equals(get(d, "confirmed"))) {
        long solution = ((Number) get(d, "solution_id")).longValue();
        Map<String, Object> award = release(ocid, "award", round, time(d, "reviewed_at"), c);
        award.put("awards", List.of(map("id", "award-" + round, "title", get(d, "title"), "description",
            get(d, "reason"), "status", "active", "date", time(d, "reviewed_at"),
            "suppliers", List.of(map("id", "org-" + solution, "name", get(d, "organisation_name"))))));
        award.put("parties", parties(map("id", "org-" + solution, "name", get(d, "organisation_name"),
            "roles", List.of("tenderer", "supplier"))));
        releases.add(award);
      }
    }

    Optional<Map<String, Object>> contract = db.sql("select * from contract where case_id = :c").param("c", caseId)
        .query().listOfRows().stream().findFirst();
    String closed = time(c, "closed_at");
    String outcome = (String) get(c, "outcome");
    if (contract.isPresent()) {
      Map<String, Object> k = contract.get();
      String awardId = "award-" + get(c, "jury_round");
      Map<String, Object> signed = release(ocid, "contract", 1, time(k, "recorded_at"), c);
      List<Map<String, Object>> milestoneRows = db.sql(
          "select * from delivery_milestone where case_id = :c order by position").param("c", caseId)
          .query().listOfRows();
      List<Map<String, Object>> planned = milestones(milestoneRows, false);
      List<Map<String, Object>> current = milestones(milestoneRows, true);
      signed.put("contracts", List.of(contract(k, awardId, "active", List.of(), planned)));
      releases.add(signed);
      List<Map<String, Object>> reports = new ArrayList<>();
      for (Map<String, Object> r : db.sql("select * from monitoring_report where case_id = :c order by period")
          .param("c", caseId).query().listOfRows()) {
        int period = ((Number) get(r, "period")).intValue();
        reports.add(map("id", "report-" + period, "documentType", "physicalProgressReport",
            "title", "Monitoring report " + period, "description", get(r, "progress"),
            "datePublished", time(r, "filed_at")));
        Map<String, Object> implementation = release(ocid, "implementation", period, time(r, "filed_at"), c);
        implementation.put("contracts", List.of(contract(k, awardId, "active", List.copyOf(reports), current)));
        releases.add(implementation);
      }
      if (closed != null) {
        Map<String, Object> ended = release(ocid, "contractTermination", 1, closed, c);
        Map<String, Object> terminated = contract(k, awardId, "terminated", List.copyOf(reports), current);
        terminated.put("statusDetails", get(c, "outcome_reason") != null ? get(c, "outcome_reason") : outcome);
        ended.put("contracts", List.of(terminated));
        releases.add(ended);
      }
    } else if ("CHALLENGE_CANCELLED".equals(outcome) || "CANCELLED".equals(outcome)) {
      Map<String, Object> cancelled = release(ocid, "tenderCancellation", 1, closed, c);
      Map<String, Object> t = tender(caseKey, c, "cancelled");
      t.put("statusDetails", get(c, "outcome_reason"));
      cancelled.put("tender", t);
      releases.add(cancelled);
    }
    releases.sort(Comparator.comparing(r -> OffsetDateTime.parse((String) r.get("date"))));
    return releases;
  }

  /** The releases merged by OCDS's rules into the case's current state. */
  static Map<String, Object> compiledRelease(String ocid, List<Map<String, Object>> releases) {
    Map<String, Object> compiled = new LinkedHashMap<>();
    for (Map<String, Object> r : releases) {
      merge(compiled, r);
    }
    compiled.put("id", ocid + "-compiled");
    compiled.put("tag", List.of("compiled"));
    return compiled;
  }

  public Map<String, Object> releasePackage(String uri, List<Map<String, Object>> releases) {
    Map<String, Object> pkg = packageHeader(uri, releases);
    pkg.put("releases", releases);
    return pkg;
  }

  public Map<String, Object> recordPackage(String uri, String caseKey, List<Map<String, Object>> releases) {
    Map<String, Object> pkg = packageHeader(uri, releases);
    pkg.put("records", List.of(map("ocid", ocid(caseKey), "releases", releases,
        "compiledRelease", compiledRelease(ocid(caseKey), releases))));
    return pkg;
  }

  /** Every published case's releases, a page of cases at a time (oldest case first, so pages stay stable). */
  public List<Map<String, Object>> allReleases(int page, int size) {
    List<String> keys = db.sql("""
        select c.business_key from procurement_case c join challenge ch on ch.case_id = c.id
        where ch.published_at is not null order by c.id limit :limit offset :offset""")
        .param("limit", size).param("offset", (long) page * size).query(String.class).list();
    List<Map<String, Object>> all = new ArrayList<>();
    keys.forEach(k -> all.addAll(releases(k)));
    return all;
  }

  private Map<String, Object> packageHeader(String uri, List<Map<String, Object>> releases) {
    String published = releases.stream().map(r -> (String) r.get("date")).max(Comparator.comparing(
        OffsetDateTime::parse)).orElse(OffsetDateTime.now(ZoneOffset.UTC).format(DATE_TIME));
    return map("uri", uri, "version", "1.1", "publishedDate", published, "publisher", map("name", publisher),
        "extensions", List.of(BIDS_EXTENSION));
  }

  private Map<String, Object> release(String ocid, String tag, long sequence, String date, Map<String, Object> c) {
    Map<String, Object> r = map("ocid", ocid, "id", ocid + "-" + tag + "-" + sequence, "date", date,
        "tag", List.of(tag), "initiationType", "tender", "language", "en");
    r.put("buyer", map("id", "buyer", "name", buyer + " – " + get(c, "department")));
    r.put("parties", parties());
    return r;
  }

  private List<Map<String, Object>> parties(Map<String, Object>... others) {
    List<Map<String, Object>> parties = new ArrayList<>();
    parties.add(map("id", "buyer", "name", buyer, "roles", List.of("buyer", "procuringEntity")));
    parties.addAll(List.of(others));
    return parties;
  }

  /** The jury's criteria, fixed with the challenge, as awardCriteriaDetails; null for a case without criteria. */
  private String awardCriteriaDetails(long caseId, Map<String, Object> c) {
    List<String> criteria = db.sql("select name, weight from evaluation_criterion where case_id = :c order by position")
        .param("c", caseId).query((rs, n) -> rs.getString("name") + " (" + rs.getInt("weight") + "%)").list();
    return criteria.isEmpty() ? null : "Jurors score each eligible solution from 0 to " + get(c, "score_scale")
        + " on: " + String.join("; ", criteria) + ". The jury's consensus follows the weighted mean of the scores.";
  }

  private static Map<String, Object> withAwardCriteria(Map<String, Object> tender, String details) {
    if (details != null) {
      tender.put("awardCriteria", "ratedCriteria");
      tender.put("awardCriteriaDetails", details);
    }
    return tender;
  }

  private static Map<String, Object> tender(String caseKey, Map<String, Object> c, String status) {
    return map("id", caseKey, "title", get(c, "title"), "description", get(c, "problem"), "status", status,
        "procurementMethodRationale", "Open, challenge-based procurement of innovation");
  }

  /**
   * The contract's delivery milestones: as planned (all scheduled), or as they stand now (met on the day they were
   * completed, not met once past due, else scheduled with their current due date).
   */
  private List<Map<String, Object>> milestones(List<Map<String, Object>> rows, boolean current) {
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    return rows.stream().map(m -> {
      java.time.LocalDate due = java.time.LocalDate.parse(get(m, "due_date").toString());
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

  private static Map<String, Object> contract(Map<String, Object> k, String awardId, String status,
                                              List<Map<String, Object>> reports, List<Map<String, Object>> milestones) {
    Map<String, Object> contract = map("id", "contract-1", "awardID", awardId, "status", status,
        "period", map("startDate", k.get("start_date").toString() + "T00:00:00Z",
            "endDate", k.get("end_date").toString() + "T23:59:59Z"),
        "value", map("amount", (BigDecimal) get(k, "contract_value"), "currency", trim(get(k, "currency"))),
        "dateSigned", time(k, "recorded_at"));
    if (!reports.isEmpty()) {
      contract.put("implementation", map("documents", reports));
    }
    if (!milestones.isEmpty()) {
      contract.put("milestones", milestones);
    }
    return contract;
  }

  private static String bidStatus(String status) {
    return switch (status) {
      case "ELIGIBLE", "AWARDED" -> "valid";
      case "NOT_ELIGIBLE" -> "disqualified";
      case "WITHDRAWN" -> "withdrawn";
      default -> "pending";
    };
  }

  /** OCDS merge: objects field by field, arrays of objects with ids by id, everything else replaced. */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach((key, value) -> {
      Object current = into.get(key);
      if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
        merge((Map<String, Object>) c, (Map<String, Object>) m);
      } else if (value instanceof List<?> list && current instanceof List<?> existing && identified(list)
          && identified(existing)) {
        List<Object> merged = new ArrayList<>(existing);
        for (Object item : list) {
          Map<String, Object> incoming = (Map<String, Object>) item;
          Optional<Object> same = merged.stream()
              .filter(o -> ((Map<?, ?>) o).get("id").equals(incoming.get("id"))).findFirst();
          if (same.isPresent()) {
            merge((Map<String, Object>) same.get(), incoming);
          } else {
            merged.add(deepCopy(incoming));
          }
        }
        into.put(key, merged);
      } else {
        into.put(key, deepCopy(value));
      }
    });
  }

  private static boolean identified(List<?> list) {
    return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("id") != null);
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l.stream().map(OcdsReleases::deepCopy).toList());
    }
    return value;
  }

  /** A column of a row; JdbcClient's row maps ignore case, so H2's upper-case names match too. */
  private static Object get(Map<String, Object> row, String column) {
    return row.get(column);
  }

  private static String trim(Object text) {
    return text == null ? null : text.toString().strip();
  }

  private static String time(Map<String, Object> row, String column) {
    Object value = get(row, column);
    if (value == null) {
      return null;
    }
    OffsetDateTime time = value instanceof OffsetDateTime t ? t
        : value instanceof java.sql.Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC)
        : OffsetDateTime.parse(value.toString().replace(' ', 'T'));
    return time.withOffsetSameInstant(ZoneOffset.UTC).format(DATE_TIME);
  }

  /** An insertion-ordered map without null values (OCDS fields are omitted rather than null). */
  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        m.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return m;
  }
}
