package org.openchallenge.monitoring;

import org.openchallenge.publication.Ledger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.need.Indicator;
import org.openchallenge.need.NeedService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/** Impact monitoring: periodic reports on the framed indicators, stakeholder feedback, the final evaluation. */
@Service
public class MonitoringService {

  public enum FinalStatus { ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED }

  private final Ledger ledger;
  private final JdbcClient db;
  private final CaseService cases;
  private final NeedService need;
  private final Clock clock;

  public MonitoringService(JdbcClient db, CaseService cases, NeedService need, Clock clock, Ledger ledger) {
    this.ledger = ledger;
    this.db = db;
    this.cases = cases;
    this.need = need;
    this.clock = clock;
  }

  public List<Indicator> indicators(String businessKey) {
    return need.indicators(cases.require(businessKey).id());
  }

  /** Files the next period's report with one measurement per indicator; returns the period number. */
  public int fileReport(String businessKey, String progress, Map<Long, BigDecimal> measurements, String by) {
    ProcurementCase c = cases.require(businessKey);
    int period = reportCount(c.id()) + 1;
    KeyHolder keys = new GeneratedKeyHolder();
    db.sql("""
        insert into monitoring_report (case_id, period, progress, filed_by, filed_at)
        values (:c, :p, :progress, :by, :at)""")
        .param("c", c.id()).param("p", period).param("progress", progress).param("by", by).param("at", now())
        .update(keys, "id");
    long reportId = keys.getKey().longValue();
    measurements.forEach((indicator, value) -> db.sql("""
        insert into indicator_measurement (report_id, indicator_id, measured) values (:r, :i, :v)""")
        .param("r", reportId).param("i", indicator).param("v", value).update());
    ledger.record(businessKey, "monitoring.reported", "report " + period, by, java.util.Map.of("report", period,
        "progress", progress));
    return period;
  }

  /**
   * How far the least advanced indicator lags behind the elapsed share of the contract period: 0.2 means twenty
   * points behind; negative means ahead. An indicator without a measurement counts as no progress.
   */
  public double progressGap(String businessKey, LocalDate contractStart, LocalDate contractEnd) {
    ProcurementCase c = cases.require(businessKey);
    Map<Long, BigDecimal> latest = latestMeasurements(businessKey);
    double lowest = need.indicators(c.id()).stream().mapToDouble(i -> {
      BigDecimal span = i.target().subtract(i.baseline());
      BigDecimal value = latest.get(i.id());
      if (value == null) {
        return 0;
      }
      return span.signum() == 0 ? 1 : value.subtract(i.baseline()).doubleValue() / span.doubleValue();
    }).min().orElse(1);
    long days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(contractStart, contractEnd));
    long elapsed = java.time.temporal.ChronoUnit.DAYS.between(contractStart, LocalDate.now(clock));
    double expected = Math.min(1, Math.max(0, (double) elapsed / days));
    return expected - lowest;
  }

  /** Records the latest report's classification, and publishes it. */
  public void classifyLatestReport(String businessKey, String status) {
    ProcurementCase c = cases.require(businessKey);
    int period = reportCount(c.id());
    db.sql("update monitoring_report set status = :s where case_id = :c and period = :p")
        .param("s", status).param("c", c.id()).param("p", period).update();
    ledger.record(businessKey, "report.classified", "report " + period, null,
        java.util.Map.of("report", period, "status", status));
  }

  public int reportCount(long caseId) {
    return db.sql("select count(*) from monitoring_report where case_id = :c").param("c", caseId)
        .query(Integer.class).single();
  }

  /** The latest measurement of each indicator, if any report was filed. */
  public Map<Long, BigDecimal> latestMeasurements(String businessKey) {
    return db.sql("""
        select m.indicator_id, m.measured from indicator_measurement m join monitoring_report r on r.id = m.report_id
        where r.case_id = :c and r.period = (select max(period) from monitoring_report where case_id = :c)""")
        .param("c", cases.require(businessKey).id())
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2))).list().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  public void recordFeedback(String businessKey, String stakeholder, int rating, String comment) {
    db.sql("""
        insert into stakeholder_feedback (case_id, stakeholder, rating, comment, given_at)
        values (:c, :s, :rating, :comment, :at)""")
        .param("c", cases.require(businessKey).id()).param("s", stakeholder).param("rating", rating)
        .param("comment", comment).param("at", now()).update();
  }

  public void evaluateImpact(String businessKey, FinalStatus status, String summary, String by) {
    db.sql("""
        insert into impact_evaluation (case_id, final_status, summary, evaluated_by, evaluated_at)
        values (:c, :status, :summary, :by, :at)""")
        .param("c", cases.require(businessKey).id()).param("status", status.name()).param("summary", summary)
        .param("by", by).param("at", now()).update();
    ledger.record(businessKey, "impact.evaluated", businessKey, by,
        java.util.Map.of("finalStatus", status.name(), "summary", summary));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
