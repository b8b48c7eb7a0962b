package org.openchallenge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openchallenge.CaseDriver.form;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseOutcome;
import org.openchallenge.cases.CaseService;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * impactMonitoring walked path by path: reports on track, at risk and off track; managers' corrective plan,
 * continuation and termination; targets agreed at contract time; an overdue milestone; stakeholder feedback
 * published without names. Timers are driven by executing their jobs.
 *
 * <p>The framed indicators (CaseDriver.framing): cyclist injuries 40 → 10 (decrease) and commuters cycling
 * 12.5 → 20 % (increase). Contracts are moved so that exactly half of them has elapsed: a report is then on track
 * when the least advanced indicator has made half its way.
 */
@ProcessTest
class ImpactMonitoringProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver driver;
  @Autowired CaseService cases;
  @Autowired MonitoringService monitoring;
  @Autowired DeliveryService delivery;
  @Autowired JdbcClient db;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void reportsOnTrackAndAtRiskGoStraightToTheNextPeriodAndContinueAsPlannedToo() {
    String key = contracted("On and at risk", List.of());
    halfElapsed(key);

    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 25, 16.25);
    assertThat(status(key, 1)).isEqualTo("ON_TRACK");
    BpmnAwareTests.assertThat(monitoringOf(key)).hasPassed("Gateway_ReportOffTrack", "Gateway_PeriodClosed")
        .isWaitingAt("Event_ReportingPeriodElapsed").hasNotPassed("Task_DecideOffTrackReport");

    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 31, 16.25);
    assertThat(status(key, 2)).isEqualTo("AT_RISK");
    BpmnAwareTests.assertThat(monitoringOf(key)).isWaitingAt("Event_ReportingPeriodElapsed")
        .hasNotPassed("Task_DecideOffTrackReport");

    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 40, 16.25);
    assertThat(status(key, 3)).isEqualTo("OFF_TRACK");
    BpmnAwareTests.assertThat(monitoringOf(key)).isWaitingAt("Task_DecideOffTrackReport");
    assertThat(driver.tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_DecideOffTrackReport").taskCandidateGroup("managers").count()).isEqualTo(1);
    driver.submit(key, "Task_DecideOffTrackReport", form("offTrackDecision", "CONTINUE",
        "decisionReason", "Winter works season; the supplier catches up in spring."));
    BpmnAwareTests.assertThat(monitoringOf(key)).hasPassed("Gateway_OffTrackDecision")
        .isWaitingAt("Event_ReportingPeriodElapsed").hasNotPassed("SubProcess_CorrectivePlanFollowUp");
    assertThat(driver.openTasks(key)).doesNotContain("Task_DecideOffTrackReport");
    assertThat(publicTimeline(key)).contains("offtrack.decided", "Winter works season");
  }

  /** The "done when": two monitoring cycles, one off track with a corrective plan, then the final evaluation. */
  @Test
  @SuppressWarnings("unchecked")
  void twoCyclesOneOffTrackWithACorrectivePlanThenTheFinalEvaluation() {
    String key = contracted("Two cycles", List.of());
    halfElapsed(key);

    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 25, 16.25);
    driver.submit(key, "Task_GiveStakeholderFeedback", "sam", form("rating", "4", "feedbackComment",
        "The new crossing on Ring Road feels safe."));

    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 38, 13);
    assertThat(status(key, 2)).isEqualTo("OFF_TRACK");
    BpmnAwareTests.assertThat(monitoringOf(key)).isWaitingAt("Task_DecideOffTrackReport",
        "Task_GiveStakeholderFeedback");

    // A plan without its text or follow-up date, or with a follow-up in the past, is refused and stores nothing.
    assertThatThrownBy(() -> driver.submit(key, "Task_DecideOffTrackReport", form("offTrackDecision",
        "CORRECTIVE_PLAN", "decisionReason", "Works slipped.")))
        .hasMessageContaining("Corrective action plan is required")
        .hasMessageContaining("Follow-up due date is required");
    assertThatThrownBy(() -> driver.submit(key, "Task_DecideOffTrackReport", form("offTrackDecision",
        "CORRECTIVE_PLAN", "decisionReason", "Works slipped.", "correctivePlan", "Second crew.",
        "followUpDate", LocalDate.now().toString()))) // today: on or after the case opened, not in the future
        .hasMessageContaining("Follow-up due date must be in the future");
    assertThat(count("off_track_decision", key)).isZero();

    LocalDate followUp = LocalDate.now().plusDays(30);
    driver.submit(key, "Task_DecideOffTrackReport", form("offTrackDecision", "CORRECTIVE_PLAN",
        "decisionReason", "Two crossings behind schedule.", "correctivePlan", "A second crew works weekends.",
        "followUpDate", followUp.toString()));
    BpmnAwareTests.assertThat(monitoringOf(key)).isWaitingAt("Event_FollowUpDue", "Event_ReportingPeriodElapsed");
    Job followUpTimer = driver.management.createJobQuery().activityId("Event_FollowUpDue")
        .processInstanceId(monitoringOf(key).getId()).singleResult();
    assertThat(followUpTimer.getDuedate()).isEqualTo(java.util.Date.from(
        followUp.atStartOfDay(ZoneId.systemDefault()).toInstant()));

    driver.fireTimer(key, "Event_FollowUpDue");
    String followUpTask = driver.task(key, "Task_FollowUpCorrectivePlan", null).getId();
    assertThat(driver.tasks.getVariableLocal(followUpTask, "correctivePlan")).isEqualTo("A second crew works weekends.");
    driver.submit(key, "Task_FollowUpCorrectivePlan", form("followUpResult", "Both crossings rebuilt."));
    BpmnAwareTests.assertThat(monitoringOf(key)).hasPassed("EndEvent_PlanFollowedUp");

    // sam's second-period feedback, given late, still belongs to report 2.
    driver.submit(key, "Task_GiveStakeholderFeedback", "sam", form("rating", "2"));
    assertThat(monitoring.publishedFeedback(key)).extracting(MonitoringService.PublishedFeedback::period,
        MonitoringService.PublishedFeedback::rating).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, 4), org.assertj.core.groups.Tuple.tuple(2, 2));

    driver.fireTimer(key, "Timer_ContractEnded");
    BpmnAwareTests.assertThat(monitoringOf(key)).isWaitingAt("Task_AssessFinalImpact");
    String assessment = driver.task(key, "Task_AssessFinalImpact", "sam").getId();
    assertThat(driver.tasks.getVariableLocal(assessment, "publicValue")).isEqualTo(
        "Fewer injuries; more people cycling to work.");
    assertThatThrownBy(() -> driver.submit(key, "Task_AssessFinalImpact", "sam", form("rating", "9")))
        .hasMessageContaining("Rating must be");
    driver.submit(key, "Task_AssessFinalImpact", "sam", form("rating", "3", "assessmentComment",
        "Safer, but the school route is still missing."));
    String evaluation = driver.task(key, "Task_EvaluateImpact", null).getId();
    assertThat(driver.tasks.getVariableLocal(evaluation, "stakeholderAssessments")).isEqualTo(
        "1 stakeholder(s), mean rating 3.0 of 5\n- Safer, but the school route is still missing.");
    driver.submit(key, "Task_EvaluateImpact", form("finalStatus", "PARTLY_ACHIEVED", "impactSummary",
        "Injuries fell by a quarter; cycling barely moved."));
    assertThat(driver.phase(key, "procurementCase")).isNull();
    assertThat(cases.require(key).outcome()).isEqualTo(CaseOutcome.CLOSED);

    String timeline = publicTimeline(key);
    assertThat(timeline).contains("feedback.given", "The new crossing on Ring Road feels safe.",
        "A second crew works weekends.", "plan.followedUp", "Both crossings rebuilt.", "impact.evaluated");
    // Feedback is published without who gave it.
    assertThat(timeline).doesNotContain("\"sam\"").doesNotContain("Sam Stakeholder");

    String body = http.getForObject("/api/public/challenges/" + key + "/delivery", String.class);
    assertThat(body).doesNotContain("sam").doesNotContain("olivia");
    Map<?, ?> published = http.getForObject("/api/public/challenges/" + key + "/delivery", Map.class);
    List<Map<String, Object>> reports = (List<Map<String, Object>>) published.get("reports");
    assertThat(reports).extracting(r -> r.get("status")).containsExactly("ON_TRACK", "OFF_TRACK");
    assertThat(reports.get(0).get("feedback")).isEqualTo(Map.of("responses", 1, "meanRating", 4.0,
        "comments", List.of("The new crossing on Ring Road feels safe.")));
    assertThat((Map<String, Object>) reports.get(1).get("offTrackDecision"))
        .containsEntry("decision", "CORRECTIVE_PLAN").containsEntry("followUpResult", "Both crossings rebuilt.");
    assertThat((Map<String, Object>) published.get("impact")).containsEntry("finalStatus", "PARTLY_ACHIEVED");
    assertThat(published.get("finalAssessment")).isEqualTo(Map.of("responses", 1, "meanRating", 3.0,
        "comments", List.of("Safer, but the school route is still missing.")));
    assertThat(published.get("outcome")).isEqualTo("CLOSED");
  }

  @Test
  void theFinalEvaluationDoesNotWaitLongerThanTwoWeeksForStakeholders() {
    String key = contracted("Silent stakeholders", List.of());
    driver.fireTimer(key, "Timer_ContractEnded");
    BpmnAwareTests.assertThat(monitoringOf(key)).isWaitingAt("Task_AssessFinalImpact");
    driver.fireTimer(key, "Timer_FinalAssessmentClosed");
    assertThat(driver.openTasks(key)).containsExactly("Task_EvaluateImpact");
    String evaluation = driver.task(key, "Task_EvaluateImpact", null).getId();
    assertThat(driver.tasks.getVariableLocal(evaluation, "stakeholderAssessments"))
        .isEqualTo("No stakeholder assessed the outcome.");
    driver.submit(key, "Task_EvaluateImpact", form("finalStatus", "ACHIEVED", "impactSummary", "Done."));
    assertThat(cases.require(key).outcome()).isEqualTo(CaseOutcome.CLOSED);
  }

  @Test
  void managersTerminateTheContractAndTheCaseEndsAsTerminated() {
    String key = contracted("Terminated", List.of());
    halfElapsed(key);
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 40, 12.5);
    assertThatThrownBy(() -> driver.submit(key, "Task_DecideOffTrackReport", form("offTrackDecision", "TERMINATE")))
        .hasMessageContaining("Reason is required");

    driver.submit(key, "Task_DecideOffTrackReport", form("offTrackDecision", "TERMINATE",
        "decisionReason", "No crossing rebuilt after half the contract."));
    var procurement = driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list();
    assertThat(procurement).isEmpty();
    assertThat(driver.history.createHistoricActivityInstanceQuery().activityId("EndEvent_ContractTerminated")
        .processInstanceId(driver.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
            .processDefinitionKey("procurementCase").singleResult().getId()).count()).isEqualTo(1);
    assertThat(cases.require(key).outcome()).isEqualTo(CaseOutcome.TERMINATED);
    assertThat(cases.require(key).outcomeReason()).isEqualTo(
        "Contract terminated: No crossing rebuilt after half the contract.");
    assertThat(driver.openTasks(key)).isEmpty();

    // A closed case takes no more reports or feedback.
    assertThatThrownBy(() -> monitoring.fileReport(key, "Late report", Map.of(), "olivia"))
        .isInstanceOf(ApiException.class).hasMessageContaining("has ended (TERMINATED)");
    assertThatThrownBy(() -> monitoring.recordFeedback(key, "sam", 2, 3, null))
        .isInstanceOf(ApiException.class).hasMessageContaining("has ended");
    assertThat(monitoring.reportCount(cases.require(key).id())).isEqualTo(1);

    String ocds = http.getForObject("/api/public/ocds/releases/" + key, String.class);
    assertThat(ocds).contains("contractTermination", "No crossing rebuilt after half the contract.");
  }

  @Test
  void targetsAreAgreedAtContractTimeWithAReasonAndTheOldValueIsKept() {
    String key = driver.publishedChallenge("Agreed targets");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.submit(key, "Task_ConfirmAward", form("confirmation", "CONFIRM"));
    List<Map<String, Object>> targets = driver.prefilledRows(key, "Task_RecordContract", null, "targets");
    assertThat(targets).extracting(r -> r.get("framedTarget")).containsExactly("10 injuries/year", "20 %");

    Map<String, Object> injuries = targets.get(0);
    injuries.put("target", 15);
    assertThatThrownBy(() -> driver.submit(key, "Task_RecordContract", CaseDriver.contract(targets, List.of())))
        .hasMessageContaining("changing the target of Cyclist injuries at crossings from 10 needs a reason");
    injuries.put("target", 45);
    injuries.put("targetReason", "Typo");
    assertThatThrownBy(() -> driver.submit(key, "Task_RecordContract", CaseDriver.contract(targets, List.of())))
        .hasMessageContaining("must be below its baseline 40");
    injuries.put("target", 15);
    injuries.put("targetReason", "The supplier can rebuild 8 of the 12 crossings within the budget.");
    List<Map<String, Object>> late = List.of(Map.of("milestoneName", "Handover", "dueDate", "2029-02-01"));
    assertThatThrownBy(() -> driver.submit(key, "Task_RecordContract", CaseDriver.contract(targets, late)))
        .hasMessageContaining("Milestone 1: the due date 2029-02-01 must fall within the contract");
    assertThat(count("contract", key)).isZero();
    assertThat(count("indicator_target_change", key)).isZero();

    driver.submit(key, "Task_RecordContract", CaseDriver.contract(targets, List.of()));
    assertThat(delivery.targetChanges(key)).singleElement().satisfies(change -> {
      assertThat(change.oldTarget()).isEqualByComparingTo("10");
      assertThat(change.newTarget()).isEqualByComparingTo("15");
      assertThat(change.reason()).startsWith("The supplier can rebuild");
    });
    assertThat(monitoring.indicators(key).get(0).target()).isEqualByComparingTo("15");
    assertThat(monitoring.indicators(key).get(1).target()).isEqualByComparingTo("20");
    assertThat(publicTimeline(key)).contains("target.adjusted", "\"oldTarget\":\"10\"", "\"newTarget\":\"15\"");
  }

  @Test
  void anOverdueMilestoneRaisesATaskUntilItIsCompleted() {
    String key = contracted("Milestones", List.of(
        Map.of("milestoneName", "First crossing rebuilt", "dueDate", "2027-03-31"),
        Map.of("milestoneName", "All crossings rebuilt", "dueDate", "2027-09-30")));
    BpmnAwareTests.assertThat(monitoringOf(key)).isWaitingAt("Event_MilestoneDue", "Event_ReportingPeriodElapsed");
    List<DeliveryService.Milestone> milestones = delivery.milestones(key);
    assertThat(milestones).extracting(DeliveryService.Milestone::name)
        .containsExactly("First crossing rebuilt", "All crossings rebuilt");

    // The first milestone is reported completed before its due date: its timer then raises nothing.
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    List<Map<String, Object>> progress = driver.prefilledRows(key, "Task_FileMonitoringReport", null, "milestones");
    assertThat(progress).hasSize(2);
    progress.forEach(row -> row.put("milestoneStatus",
        row.get("milestone").toString().startsWith("First") ? "COMPLETED" : "PENDING"));
    List<Map<String, Object>> measurements = driver.prefilledRows(key, "Task_FileMonitoringReport", null,
        "measurements");
    measurements.forEach(row -> row.put("value", row.get("unit").equals("%") ? 14 : 30));
    driver.submit(key, "Task_FileMonitoringReport", form("measurements", measurements, "milestones", progress,
        "progress", "First crossing done."));
    assertThat(delivery.milestone(key, milestones.get(0).id()).status())
        .isEqualTo(DeliveryService.MilestoneStatus.COMPLETED);
    fireMilestoneTimer(milestones.get(0).id());
    assertThat(driver.openTasks(key)).doesNotContain("Task_HandleOverdueMilestone");
    BpmnAwareTests.assertThat(monitoringOf(key)).hasPassed("EndEvent_MilestoneMet");

    // The second passes its due date pending: the officials are asked, and reschedule it once.
    fireMilestoneTimer(milestones.get(1).id());
    String task = driver.task(key, "Task_HandleOverdueMilestone", null).getId();
    assertThat(driver.tasks.getVariableLocal(task, "milestone")).isEqualTo("All crossings rebuilt");
    assertThat(driver.tasks.createTaskQuery().taskId(task).taskCandidateGroup("officials").count()).isEqualTo(1);
    assertThatThrownBy(() -> driver.submit(key, "Task_HandleOverdueMilestone", form("milestoneResolution",
        "RESCHEDULED", "newDueDate", LocalDate.now().toString(), "rescheduleReason", "Rain.")))
        .hasMessageContaining("New due date must be in the future");
    LocalDate newDue = LocalDate.now().plusDays(60);
    driver.submit(key, "Task_HandleOverdueMilestone", form("milestoneResolution", "RESCHEDULED",
        "newDueDate", newDue.toString(), "rescheduleReason", "Asphalt plant strike."));
    Job rescheduled = milestoneTimer(milestones.get(1).id());
    assertThat(rescheduled.getDuedate()).isEqualTo(java.util.Date.from(
        newDue.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));

    fireMilestoneTimer(milestones.get(1).id());
    driver.submit(key, "Task_HandleOverdueMilestone", form("milestoneResolution", "COMPLETED",
        "completedOn", LocalDate.now().toString()));
    BpmnAwareTests.assertThat(monitoringOf(key)).hasPassed("EndEvent_MilestoneSettled", "EndEvent_MilestonesWatched")
        .isWaitingAt("Event_ReportingPeriodElapsed");
    assertThat(delivery.milestone(key, milestones.get(1).id())).satisfies(m -> {
      assertThat(m.status()).isEqualTo(DeliveryService.MilestoneStatus.COMPLETED);
      assertThat(m.dueDate()).isEqualTo(newDue);
    });
    assertThat(publicTimeline(key)).contains("milestone.rescheduled", "Asphalt plant strike.",
        "milestone.completed");
  }

  @Test
  void measurementsMustBeNumbersInTheIndicatorsUnitAndAStakeholderAnswersOnlyTheirOwnTask() {
    String key = contracted("Units", List.of());
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_FileMonitoringReport", null, "measurements");
    rows.forEach(row -> row.put("value", 30));
    rows.get(1).put("value", 130);
    assertThatThrownBy(() -> driver.submit(key, "Task_FileMonitoringReport", form("measurements", rows,
        "progress", "x"))).hasMessageContaining("Commuters cycling is a percentage: 130 is not between 0 and 100");
    rows.get(1).put("value", "a lot");
    rows.get(0).put("unit", "injuries/month");
    assertThatThrownBy(() -> driver.submit(key, "Task_FileMonitoringReport", form("measurements", rows,
        "progress", "x")))
        .hasMessageContaining("Cyclist injuries at crossings is measured in injuries/year, not in injuries/month")
        .hasMessageContaining("Measured value must be a number");
    assertThat(monitoring.reportCount(cases.require(key).id())).isZero();

    // sam's feedback task handed to someone else cannot be answered by them.
    String feedback = driver.task(key, "Task_GiveStakeholderFeedback", "sam").getId();
    driver.tasks.setAssignee(feedback, "stella");
    assertThatThrownBy(() -> driver.forms.submitTaskForm(feedback, form("rating", "1")))
        .hasMessageContaining("This task belongs to sam; only they can answer it");
    assertThat(count("stakeholder_feedback", key)).isZero();
  }

  // ------------------------------------------------------------------ helpers

  String contracted(String title, List<Map<String, Object>> milestones) {
    String key = driver.publishedChallenge(title);
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.confirmAndContract(key, milestones);
    return key;
  }

  /** Moves the contract so that half of it has elapsed today. */
  void halfElapsed(String key) {
    db.sql("update contract set start_date = :s, end_date = :e where case_id = :c")
        .param("s", LocalDate.now().minusDays(100)).param("e", LocalDate.now().plusDays(100))
        .param("c", cases.require(key).id()).update();
  }

  org.camunda.bpm.engine.runtime.ProcessInstance monitoringOf(String key) {
    return driver.phase(key, "impactMonitoring");
  }

  Job milestoneTimer(long milestoneId) {
    List<Job> found = new ArrayList<>();
    for (Job job : driver.management.createJobQuery().activityId("Event_MilestoneDue").list()) {
      Object id = driver.runtime.getVariable(job.getExecutionId(), "milestoneId");
      if (id != null && ((Number) id).longValue() == milestoneId) {
        found.add(job);
      }
    }
    assertThat(found).as("timer of milestone " + milestoneId).hasSize(1);
    return found.get(0);
  }

  void fireMilestoneTimer(long milestoneId) {
    driver.management.executeJob(milestoneTimer(milestoneId).getId());
  }

  String status(String key, int period) {
    return db.sql("select status from monitoring_report where case_id = :c and period = :p")
        .param("c", cases.require(key).id()).param("p", period).query(String.class).single();
  }

  long count(String table, String key) {
    return db.sql("select count(*) from " + table + " where case_id = :c").param("c", cases.require(key).id())
        .query(Long.class).single();
  }

  String publicTimeline(String key) {
    return http.getForObject("/api/public/challenges/" + key + "/timeline?limit=1000", String.class);
  }
}
