package org.openchallenge.need;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openchallenge.cases.CaseParticipants;
import org.openchallenge.cases.CaseSchedule;
import org.openchallenge.platform.ModelTestEngine;

/**
 * The need-opening model on the engine alone, its beans mocked: framing, the consultation of each stakeholder and
 * its window's timer, and the three outcomes of the publication decision. NeedOpeningProcessTest proves the whole
 * with the real beans; this one pins the model's own paths.
 */
@Deployment(resources = "processes/needOpening.bpmn")
class NeedOpeningModelTest {

  @RegisterExtension
  static final ModelTestEngine MODEL = new ModelTestEngine("needOpening-model");

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = MODEL.camundaExtension();

  // Not final: Camunda's extension injects its engine (this same one) into fields of this type.
  static ProcessEngine ENGINE = MODEL.engine();

  final CaseSchedule schedule = mock(CaseSchedule.class);
  final CaseParticipants participants = mock(CaseParticipants.class);
  final JavaDelegate publishChallenge = mock(JavaDelegate.class);

  @BeforeEach
  void mocks() {
    when(schedule.consultationWindow(any())).thenReturn("P14D");
    Mocks.register("caseSchedule", schedule);
    Mocks.register("caseParticipants", participants);
    Mocks.register("publishChallenge", publishChallenge);
    ModelTestEngine.mockForms("frameChallengeForm", "consultationInputForm", "consolidateConsultationForm",
        "approvePublicationForm");
  }

  @Test
  void everyStakeholderAnswersThenTheManagerPublishes() throws Exception {
    stakeholders("sam", "sofia");
    ProcessInstance need = start("PC-TEST-1");
    frame(need);
    assertThat(need).isWaitingAt("Task_GiveConsultationInput");
    org.assertj.core.api.Assertions.assertThat(taskQuery().list()).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("sam", "sofia");
    complete(consultationOf("sam"));
    assertThat(need).isWaitingAt("Task_GiveConsultationInput");
    complete(consultationOf("sofia"));
    assertThat(need).hasPassed("EndEvent_ConsultationAnswered").hasNotPassed("Timer_ConsultationWindowClosed")
        .isWaitingAt("Task_ConsolidateConsultation");
    assertThat(task()).hasCandidateGroup("officials");
    complete(task());
    decide(need, "PUBLISH");
    verify(publishChallenge).execute(any());
    assertThat(need).hasPassed("Task_PublishChallenge", "EndEvent_ChallengePublished")
        .hasNotPassed("EndEvent_NeedWithdrawn").isEnded();
  }

  @Test
  void theWindowsTimerClosesTheConsultationWhateverIsUnanswered() {
    stakeholders("sam", "sofia");
    ProcessInstance need = start("PC-TEST-2");
    frame(need);
    complete(consultationOf("sam"));
    // The window's length comes from the schedule bean: fourteen days here.
    org.assertj.core.api.Assertions.assertThat(job().getDuedate())
        .isAfter(Date.from(Instant.now().plus(Duration.ofDays(13))))
        .isBefore(Date.from(Instant.now().plus(Duration.ofDays(15))));
    execute(job());
    assertThat(need).hasPassed("Timer_ConsultationWindowClosed").hasNotPassed("EndEvent_ConsultationAnswered")
        .isWaitingAt("Task_ConsolidateConsultation");
    org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("Task_GiveConsultationInput").count())
        .as("sofia's unanswered consultation task is cancelled").isZero();
  }

  @Test
  void withoutStakeholdersTheConsultationIsSkipped() {
    stakeholders();
    ProcessInstance need = start("PC-TEST-3");
    frame(need);
    assertThat(need).hasNotPassed("Task_GiveConsultationInput").isWaitingAt("Task_ConsolidateConsultation");
  }

  @Test
  void reworkSendsTheNeedBackToFramingAndWithdrawalEndsIt() throws Exception {
    stakeholders();
    ProcessInstance need = start("PC-TEST-4");
    frame(need);
    complete(task());
    decide(need, "REWORK");
    assertThat(need).isWaitingAt("Task_FrameChallenge");
    frame(need);
    org.assertj.core.api.Assertions.assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(need.getId()).activityId("Task_FrameChallenge").count()).isEqualTo(2);
    complete(task());
    decide(need, "WITHDRAW");
    verify(publishChallenge, never()).execute(any());
    assertThat(need).hasPassed("EndEvent_NeedWithdrawn").hasNotPassed("Task_PublishChallenge").isEnded();
  }

  private ProcessInstance start(String businessKey) {
    ProcessInstance need = ENGINE.getRuntimeService().startProcessInstanceByKey("needOpening", businessKey);
    assertThat(need).isWaitingAt("Task_FrameChallenge");
    return need;
  }

  private void stakeholders(String... names) {
    when(participants.stakeholders(any())).thenReturn(List.of(names));
  }

  private void frame(ProcessInstance need) {
    assertThat(need).isWaitingAt("Task_FrameChallenge");
    assertThat(task()).hasCandidateGroup("officials");
    complete(task());
  }

  private Task consultationOf(String stakeholder) {
    Task task = taskQuery().taskDefinitionKey("Task_GiveConsultationInput").taskAssignee(stakeholder).singleResult();
    assertThat(task).isAssignedTo(stakeholder);
    return task;
  }

  /** The decision the approval form puts on the process in the real application. */
  private void decide(ProcessInstance need, String decision) {
    assertThat(need).isWaitingAt("Task_ApprovePublication");
    assertThat(task()).hasCandidateGroup("managers");
    complete(task(), Map.of("publicationDecision", decision));
  }
}
