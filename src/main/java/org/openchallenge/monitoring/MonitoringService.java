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

  /** What an AI system's periodic review found; every field is published. */
  public record AiReview(int period, String biasReview, String performanceReview, String incidents,
                         boolean oversightEffective, String oversightNotes, OffsetDateTime reviewedAt) {
  }

  /** One stakeholder's feedback as the public sees it: no name, only the period, the rating and the comment. */
  public record PublishedFeedback(int period, int rating, String comment) {
  }

  public List<Indicator> indicators(String businessKey) {
    return need.indicators(cases.require(businessKey).id());
  }

  /** Each indicator against its target with its latest measurement, one per line (the final evaluation's view). */
  public String indicatorResults(String businessKey) {
    Map<Long, BigDecimal> latest = latestMeasurements(businessKey);
    return indicators(businessKey).stream()
        .map(i -> i.describe() + "; last measured: "
            + (latest.containsKey(i.id()) ? latest.get(i.id()).stripTrailingZeros().toPlainString() : "never"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** Files the next period's report with one measurement per indicator; returns the period number. */
  public int fileReport(String businessKey, String progress, Map<Long, BigDecimal> measurements, String by) {
    ProcurementCase c = requireOpen(businessKey);
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

  /** The period whose report is being prepared now: the one after the last report filed. */
  public int openPeriod(String businessKey) {
    return reportCount(cases.require(businessKey).id()) + 1;
  }

  /**
   * A stakeholder's feedback on one reporting period. It is published with that period's report without the
   * stakeholder's name: the ledger entry carries the period, rating and comment only.
   */
  public void recordFeedback(String businessKey, String stakeholder, int period, int rating, String comment) {
    ProcurementCase c = requireOpen(businessKey);
    db.sql("""
        insert into stakeholder_feedback (case_id, stakeholder, period, rating, comment, given_at)
        values (:c, :s, :period, :rating, :comment, :at)""")
        .param("c", c.id()).param("s", stakeholder).param("period", period).param("rating", rating)
        .param("comment", comment).param("at", now()).update();
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("report", period);
    data.put("rating", rating);
    if (comment != null) {
      data.put("comment", comment);
    }
    ledger.record(businessKey, "feedback.given", "report " + period, stakeholder, data);
  }

  /** A stakeholder's assessment, at contract end, of how far the intended public value was delivered. */
  public void recordFinalAssessment(String businessKey, String stakeholder, int rating, String comment) {
    ProcurementCase c = requireOpen(businessKey);
    db.sql("""
        insert into stakeholder_feedback (case_id, stakeholder, rating, comment, given_at, final_assessment)
        values (:c, :s, :rating, :comment, :at, true)""")
        .param("c", c.id()).param("s", stakeholder).param("rating", rating).param("comment", comment)
        .param("at", now()).update();
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("rating", rating);
    if (comment != null) {
      data.put("comment", comment);
    }
    ledger.record(businessKey, "impact.assessed", businessKey, stakeholder, data);
  }

  /** The stakeholders' final assessments, without their names (period 0). */
  public List<PublishedFeedback> finalAssessments(String businessKey) {
    return db.sql("""
        select rating, comment from stakeholder_feedback where case_id = :c and final_assessment order by id""")
        .param("c", cases.require(businessKey).id())
        .query((rs, n) -> new PublishedFeedback(0, rs.getInt(1), rs.getString(2))).list();
  }

  public List<PublishedFeedback> publishedFeedback(String businessKey) {
    return db.sql("""
        select period, rating, comment from stakeholder_feedback
        where case_id = :c and period is not null and not final_assessment order by period, id""").param("c", cases.require(businessKey).id())
        .query((rs, n) -> new PublishedFeedback(rs.getInt(1), rs.getInt(2), rs.getString(3))).list();
  }

  /** The periodic review of an AI system bought by the case (bias, performance, incidents, human oversight). */
  public void recordAiReview(String businessKey, AiReview review, String by) {
    ProcurementCase c = requireOpen(businessKey);
    db.sql("""
        insert into ai_review (case_id, period, bias_review, performance_review, incidents, oversight_effective,
          oversight_notes, reviewed_by, reviewed_at)
        values (:c, :p, :bias, :perf, :incidents, :effective, :notes, :by, :at)""")
        .param("c", c.id()).param("p", review.period()).param("bias", review.biasReview())
        .param("perf", review.performanceReview()).param("incidents", review.incidents())
        .param("effective", review.oversightEffective()).param("notes", review.oversightNotes()).param("by", by)
        .param("at", now()).update();
    ledger.record(businessKey, "ai.reviewed", "AI review " + review.period(), by, Map.of("period", review.period(),
        "biasReview", review.biasReview(), "performanceReview", review.performanceReview(),
        "incidents", review.incidents(), "oversightEffective", review.oversightEffective(),
        "oversightNotes", review.oversightNotes()));
  }

  public List<AiReview> aiReviews(String businessKey) {
    return db.sql("select * from ai_review where case_id = :c order by period")
        .param("c", cases.require(businessKey).id())
        .query((rs, n) -> new AiReview(rs.getInt("period"), rs.getString("bias_review"),
            rs.getString("performance_review"), rs.getString("incidents"), rs.getBoolean("oversight_effective"),
            rs.getString("oversight_notes"), rs.getObject("reviewed_at", OffsetDateTime.class)))
        .list();
  }

  /** A case that has ended takes no more reports, feedback or reviews. */
  ProcurementCase requireOpen(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    if (c.outcome() != null) {
      throw org.openchallenge.platform.ApiException.conflict(
          "Case " + businessKey + " has ended (" + c.outcome() + "); it takes no more monitoring");
    }
    return c;
  }

  public void evaluateImpact(String businessKey, FinalStatus status, String summary, String by) {
    requireOpen(businessKey);
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
