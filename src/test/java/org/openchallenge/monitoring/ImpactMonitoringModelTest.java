package org.openchallenge.monitoring;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openchallenge.cases.CaseFacts;
import org.openchallenge.cases.CaseParticipants;
import org.openchallenge.cases.CaseSchedule;
import org.openchallenge.platform.ModelTestEngine;

/**
 * The impact monitoring model on the engine alone, its beans mocked and the real decision table classifying the
 * reports: a reporting period on track, off track with each of the managers' three decisions, the AI review, an
 * overdue milestone rescheduled, and the contract's end with or without the stakeholders' assessments.
 * ImpactMonitoringProcessTest proves the whole with the real beans; this one pins the model's own paths.
 */
@Deployment(resources = {"processes/impactMonitoring.bpmn", "processes/reportClassification.dmn"})
class ImpactMonitoringModelTest {

  @RegisterExtension
  static final ModelTestEngine MODEL = new ModelTestEngine("impactMonitoring-model");

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = MODEL.camundaExtension();

  // Not final: Camunda's extension injects its engine (this same one) into fields of this type.
  static ProcessEngine ENGINE = MODEL.engine();

  final CaseSchedule schedule = mock(CaseSchedule.class);
  final CaseFacts facts = mock(CaseFacts.class);
  final CaseParticipants participants = mock(CaseParticipants.class);
  final MonitoringFacts monitoringFacts = mock(MonitoringFacts.class);
  final ExecutionListener recordReportStatus = mock(ExecutionListener.class);

  @BeforeEach
  void mocks() {
    when(schedule.reportingPeriod(any())).thenReturn("P1M");
    when(schedule.milestoneDue(any())).thenReturn(inDays(60));
    when(schedule.correctivePlanFollowUp(any())).thenReturn(inDays(30));
    when(schedule.contractEnd(any())).thenReturn(inDays(365));
    when(participants.stakeholders(any())).thenReturn(List.of("sam"));
    when(monitoringFacts.milestoneIds(any())).thenReturn(List.of(7L));
    when(monitoringFacts.latestCorrectivePlan(any())).thenReturn(42L);
    Mocks.register("caseSchedule", schedule);
    Mocks.register("caseFacts", facts);
    Mocks.register("caseParticipants", participants);
    Mocks.register("monitoringFacts", monitoringFacts);
    Mocks.register("recordReportStatus", recordReportStatus);
    ModelTestEngine.mockForms("fileMonitoringReportForm", "decideOffTrackReportForm",
        "followUpCorrectivePlanForm", "stakeholderFeedbackForm", "reviewAiSystemForm", "handleOverdueMilestoneForm",
        "assessFinalImpactForm", "evaluateImpactForm");
  }

  @Test
  void anOnTrackPeriodThenTheContractEndsAndTheImpactIsEvaluated() throws Exception {
    ProcessInstance monitoring = start("PC-TEST-1");
    assertThat(monitoring).isWaitingAt("Event_ReportingPeriodElapsed", "Event_MilestoneDue");

    fileReportAfterThePeriod(monitoring, 0.05);
    assertThat(monitoring).hasPassed("EndEvent_NoAiReview").hasNotPassed("Task_ReviewAiSystem");
    org.assertj.core.api.Assertions.assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(monitoring.getId()).variableName("reportStatus").singleResult().getValue())
        .isEqualTo("ON_TRACK");
    verify(recordReportStatus).notify(any());
    assertThat(monitoring).hasPassed("Gateway_PeriodClosed").hasNotPassed("Task_DecideOffTrackReport")
        .isWaitingAt("Event_ReportingPeriodElapsed", "Task_GiveStakeholderFeedback");
    assertThat(task("Task_GiveStakeholderFeedback", monitoring)).isAssignedTo("sam");
    complete(task("Task_GiveStakeholderFeedback", monitoring));
    assertThat(monitoring).hasPassed("EndEvent_FeedbackGiven");

    when(monitoringFacts.milestonePending(any())).thenReturn(false);
    execute(job("Event_MilestoneDue", monitoring));
    assertThat(monitoring).hasPassed("EndEvent_MilestoneMet", "EndEvent_MilestonesWatched")
        .hasNotPassed("Task_HandleOverdueMilestone");

    execute(job("Timer_ContractEnded", monitoring));
    assertThat(monitoring).isWaitingAt("Task_AssessFinalImpact").isNotWaitingAt("Event_ReportingPeriodElapsed");
    assertThat(task("Task_AssessFinalImpact", monitoring)).isAssignedTo("sam");
    complete(task("Task_AssessFinalImpact", monitoring));
    assertThat(task("Task_EvaluateImpact", monitoring)).hasCandidateGroup("officials");
    complete(task("Task_EvaluateImpact", monitoring));
    assertThat(monitoring).hasPassed("EndEvent_ImpactEvaluated").hasNotPassed("EndEvent_ContractTerminated")
        .isEnded();
  }

  @Test
  void anOffTrackReportWithACorrectivePlanIsFollowedUpAndAnAiSystemIsReviewed() {
    when(facts.involvesAi(any())).thenReturn(true);
    ProcessInstance monitoring = start("PC-TEST-2");
    fileReportAfterThePeriod(monitoring, 0.5);
    assertThat(task("Task_ReviewAiSystem", monitoring)).hasCandidateGroup("officials");
    complete(task("Task_ReviewAiSystem", monitoring));
    assertThat(monitoring).hasPassed("EndEvent_AiReviewed");

    assertThat(task("Task_DecideOffTrackReport", monitoring)).hasCandidateGroup("managers");
    complete(task("Task_DecideOffTrackReport", monitoring), Map.of("offTrackDecision", "CORRECTIVE_PLAN"));
    // Delivery goes on while the plan's follow-up waits for its date.
    assertThat(monitoring).isWaitingAt("Event_FollowUpDue", "Event_ReportingPeriodElapsed");
    verify(monitoringFacts).latestCorrectivePlan(any());
    org.assertj.core.api.Assertions.assertThat(job("Event_FollowUpDue", monitoring).getDuedate())
        .isEqualTo(inDays(30));

    execute(job("Event_FollowUpDue", monitoring));
    assertThat(task("Task_FollowUpCorrectivePlan", monitoring)).hasCandidateGroup("officials");
    complete(task("Task_FollowUpCorrectivePlan", monitoring));
    assertThat(monitoring).hasPassed("EndEvent_PlanFollowedUp").isWaitingAt("Event_ReportingPeriodElapsed")
        .isNotEnded();
  }

  @Test
  void managersContinueOnceThenTerminateTheContract() throws Exception {
    ProcessInstance monitoring = start("PC-TEST-3");
    fileReportAfterThePeriod(monitoring, 0.5);
    complete(task("Task_DecideOffTrackReport", monitoring), Map.of("offTrackDecision", "CONTINUE"));
    assertThat(monitoring).hasPassed("Gateway_PeriodClosed").hasNotPassed("SubProcess_CorrectivePlanFollowUp")
        .isWaitingAt("Event_ReportingPeriodElapsed");

    fileReportAfterThePeriod(monitoring, 0.5);
    complete(task("Task_DecideOffTrackReport", monitoring), Map.of("offTrackDecision", "TERMINATE"));
    assertThat(monitoring).hasPassed("EndEvent_TerminationDecided", "Event_ContractTerminated",
        "EndEvent_ContractTerminated").hasNotPassed("Task_AssessFinalImpact", "Task_EvaluateImpact").isEnded();
    verify(recordReportStatus, times(2)).notify(any());
  }

  @Test
  void anOverdueMilestoneIsRescheduledThenSettledAndSilentStakeholdersAreNotAwaitedPastTwoWeeks() {
    // Pending at the due date, rescheduled after handling, pending again, then completed late.
    when(monitoringFacts.milestonePending(any())).thenReturn(true, true, true, false);
    ProcessInstance monitoring = start("PC-TEST-4");
    execute(job("Event_MilestoneDue", monitoring));
    assertThat(task("Task_HandleOverdueMilestone", monitoring)).hasCandidateGroup("officials");
    complete(task("Task_HandleOverdueMilestone", monitoring));
    assertThat(monitoring).isWaitingAt("Event_MilestoneDue");
    execute(job("Event_MilestoneDue", monitoring));
    complete(task("Task_HandleOverdueMilestone", monitoring));
    assertThat(monitoring).hasPassed("EndEvent_MilestoneSettled", "EndEvent_MilestonesWatched")
        .hasNotPassed("EndEvent_MilestoneMet");

    execute(job("Timer_ContractEnded", monitoring));
    assertThat(monitoring).isWaitingAt("Task_AssessFinalImpact");
    execute(job("Timer_FinalAssessmentClosed", monitoring));
    assertThat(monitoring).hasPassed("Timer_FinalAssessmentClosed").isWaitingAt("Task_EvaluateImpact")
        .isNotWaitingAt("Task_AssessFinalImpact");
    complete(task("Task_EvaluateImpact", monitoring));
    assertThat(monitoring).isEnded();
  }

  private ProcessInstance start(String caseKey) {
    return ENGINE.getRuntimeService().startProcessInstanceByKey("impactMonitoring", caseKey);
  }

  /** Fires the period's timer and files the report, the decision table classifying it from this gap. */
  private void fileReportAfterThePeriod(ProcessInstance monitoring, double progressGap) {
    when(monitoringFacts.progressGap(any())).thenReturn(progressGap);
    execute(job("Event_ReportingPeriodElapsed", monitoring));
    assertThat(task("Task_FileMonitoringReport", monitoring)).hasCandidateGroup("officials");
    complete(task("Task_FileMonitoringReport", monitoring));
    assertThat(monitoring).hasPassed("Task_ClassifyReport");
  }

  private static Date inDays(int days) {
    return Date.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(days)));
  }
}
