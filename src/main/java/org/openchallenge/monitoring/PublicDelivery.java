package org.openchallenge.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openchallenge.award.AwardService;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.ProcurementCase;
import org.openchallenge.platform.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether the city got what it paid for, as the public sees it: the contract's targets (with every change, its
 * reason and the framed value), milestones, each monitoring report with its classification, the stakeholders'
 * feedback without their names, managers' decisions on off-track reports, the stakeholders' assessment of the outcome
 * (also without names), and the final evaluation.
 */
@Service
public class PublicDelivery {

  public record Target(String indicator, String unit, String direction, BigDecimal baseline, BigDecimal target,
                       List<TargetChange> changes) {
  }

  public record TargetChange(BigDecimal oldTarget, BigDecimal newTarget, String reason, OffsetDateTime changedAt) {
  }

  public record Milestone(String name, LocalDate dueDate, String status, LocalDate completedOn) {
  }

  public record Measurement(String indicator, String unit, BigDecimal value) {
  }

  public record Feedback(int responses, BigDecimal meanRating, List<String> comments) {
  }

  public record Decision(String decision, String reason, String correctivePlan, LocalDate followUpDate,
                         String followUpResult) {
  }

  public record Report(int period, OffsetDateTime filedAt, String status, String progress,
                       List<Measurement> measurements, Feedback feedback, Decision offTrackDecision) {
  }

  public record Impact(String finalStatus, String summary, OffsetDateTime evaluatedAt) {
  }

  public record Delivery(String businessKey, String supplier, BigDecimal value, String currency, LocalDate startDate,
                         LocalDate endDate, int reportingMonths, List<Target> targets, List<Milestone> milestones,
                         List<Report> reports, Feedback finalAssessment, Impact impact, String outcome,
                         String outcomeReason) {
  }

  private final JdbcClient db;
  private final CaseService cases;
  private final AwardService award;
  private final DeliveryService delivery;
  private final MonitoringService monitoring;
  private final OffTrackEscalation escalation;

  public PublicDelivery(JdbcClient db, CaseService cases, AwardService award, DeliveryService delivery,
                        MonitoringService monitoring, OffTrackEscalation escalation) {
    this.db = db;
    this.cases = cases;
    this.award = award;
    this.delivery = delivery;
    this.monitoring = monitoring;
    this.escalation = escalation;
  }

  public Delivery of(String businessKey) {
    ProcurementCase c = cases.require(businessKey);
    AwardService.Contract k = award.contract(businessKey)
        .orElseThrow(() -> ApiException.notFound("Case " + businessKey + " has no contract yet"));
    Map<Long, List<DeliveryService.TargetChange>> changes = delivery.targetChanges(businessKey).stream()
        .collect(Collectors.groupingBy(DeliveryService.TargetChange::indicatorId));
    List<Target> targets = monitoring.indicators(businessKey).stream().map(i -> new Target(i.name(), i.unit(),
        i.direction().name(), i.baseline().stripTrailingZeros(), i.target().stripTrailingZeros(),
        changes.getOrDefault(i.id(), List.of()).stream().map(t -> new TargetChange(
            t.oldTarget().stripTrailingZeros(), t.newTarget().stripTrailingZeros(), t.reason(), t.changedAt()))
            .toList())).toList();
    List<Milestone> milestones = delivery.milestones(businessKey).stream()
        .map(m -> new Milestone(m.name(), m.dueDate(), m.status().name(), m.completedOn())).toList();
    Map<Integer, List<MonitoringService.PublishedFeedback>> feedback = monitoring.publishedFeedback(businessKey)
        .stream().collect(Collectors.groupingBy(MonitoringService.PublishedFeedback::period));
    Map<Integer, Decision> decisions = escalation.decisions(businessKey).stream().collect(Collectors.toMap(
        OffTrackEscalation.Recorded::reportPeriod, d -> new Decision(d.decision().name(), d.reason(),
            d.correctivePlan(), d.followUpDate(), d.followUpResult())));
    Map<Long, List<Measurement>> measurements = db.sql("""
        select m.report_id, i.name, i.unit, m.measured from indicator_measurement m
        join outcome_indicator i on i.id = m.indicator_id join monitoring_report r on r.id = m.report_id
        where r.case_id = :c order by i.position""").param("c", c.id())
        .query((rs, n) -> Map.entry(rs.getLong(1), new Measurement(rs.getString(2), rs.getString(3),
            rs.getBigDecimal(4).stripTrailingZeros()))).list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    List<Report> reports = db.sql("select * from monitoring_report where case_id = :c order by period")
        .param("c", c.id()).query((rs, n) -> {
          int period = rs.getInt("period");
          return new Report(period, rs.getObject("filed_at", OffsetDateTime.class), rs.getString("status"),
              rs.getString("progress"), measurements.getOrDefault(rs.getLong("id"), List.of()), feedback(feedback.get(period)),
              decisions.get(period));
        }).list();
    Impact impact = db.sql("select * from impact_evaluation where case_id = :c").param("c", c.id())
        .query((rs, n) -> new Impact(rs.getString("final_status"), rs.getString("summary"),
            rs.getObject("evaluated_at", OffsetDateTime.class))).optional().orElse(null);
    return new Delivery(businessKey, k.supplier(), k.value(), k.currency(), k.startDate(), k.endDate(),
        k.reportingMonths(), targets, milestones, reports, feedback(monitoring.finalAssessments(businessKey)), impact,
        c.outcome() == null ? null : c.outcome().name(), c.outcomeReason());
  }

  private static Feedback feedback(List<MonitoringService.PublishedFeedback> given) {
    if (given == null || given.isEmpty()) {
      return new Feedback(0, null, List.of());
    }
    BigDecimal mean = BigDecimal.valueOf(given.stream().mapToInt(MonitoringService.PublishedFeedback::rating).sum())
        .divide(BigDecimal.valueOf(given.size()), 2, java.math.RoundingMode.HALF_UP);
    return new Feedback(given.size(), mean, given.stream().map(MonitoringService.PublishedFeedback::comment)
        .filter(java.util.Objects::nonNull).toList());
  }
}
