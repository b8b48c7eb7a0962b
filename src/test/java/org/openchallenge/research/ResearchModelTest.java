package org.openchallenge.research;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openchallenge.cases.CaseSchedule;
import org.openchallenge.platform.ModelTestEngine;

/**
 * The research model on the engine alone, its beans mocked: routing, the window's timer and the flag the closing
 * delegate sets, in milliseconds and without the application. ResearchProcessTest proves the whole with the real
 * beans; this one pins the model's own paths.
 */
@Deployment(resources = "processes/research.bpmn")
class ResearchModelTest {

  @RegisterExtension
  static final ModelTestEngine MODEL = new ModelTestEngine("research-model");

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = MODEL.camundaExtension();

  // Not final: Camunda's extension injects its engine (this same one) into fields of this type.
  static ProcessEngine ENGINE = MODEL.engine();

  final CaseSchedule schedule = mock(CaseSchedule.class);
  final JavaDelegate closeResearchWindow = mock(JavaDelegate.class);

  @BeforeEach
  void mocks() {
    when(schedule.researchWindow(any())).thenReturn("P3M");
    Mocks.register("caseSchedule", schedule);
    Mocks.register("closeResearchWindow", closeResearchWindow);
    ModelTestEngine.mockForms("recordFindingForm", "inviteProvidersForm", "writeResearchBriefForm");
  }

  @Test
  void findingsThenInvitationsThenTheBrief() throws Exception {
    solutionsFoundWhenClosing(true);
    ProcessInstance research = ENGINE.getRuntimeService().startProcessInstanceByKey("research", "PC-TEST-1");
    assertThat(research).isWaitingAt("Task_RecordFinding");
    assertThat(task()).hasCandidateGroup("researchers");
    BpmnAwareTests.complete(task(), Map.of("researchContinues", true));
    assertThat(research).isWaitingAt("Task_RecordFinding");
    BpmnAwareTests.complete(task(), Map.of("researchContinues", false));
    assertThat(research).hasPassed("EndEvent_ResearchFinishedEarly", "Task_CloseResearchWindow")
        .isWaitingAt("Task_InviteProviders");
    BpmnAwareTests.complete(task());
    assertThat(research).isWaitingAt("Task_WriteResearchBrief");
    BpmnAwareTests.complete(task());
    assertThat(research).hasPassed("EndEvent_ResearchBriefPublished").isEnded();
  }

  @Test
  void theWindowsTimerClosesResearchAndNoFindingSkipsTheInvitations() throws Exception {
    solutionsFoundWhenClosing(false);
    ProcessInstance research = ENGINE.getRuntimeService().startProcessInstanceByKey("research", "PC-TEST-2");
    assertThat(research).isWaitingAt("Task_RecordFinding");
    // The window's length comes from the schedule bean: three months here.
    org.assertj.core.api.Assertions.assertThat(job().getDuedate())
        .isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(80))));
    execute(job());
    verify(closeResearchWindow).execute(any());
    assertThat(research).hasPassed("Timer_ResearchWindowElapsed").hasNotPassed("Task_InviteProviders")
        .isWaitingAt("Task_WriteResearchBrief");
  }

  private void solutionsFoundWhenClosing(boolean found) throws Exception {
    doAnswer(call -> {
      call.getArgument(0, DelegateExecution.class).setVariable("solutionsFound", found);
      return null;
    }).when(closeResearchWindow).execute(any());
  }
}
