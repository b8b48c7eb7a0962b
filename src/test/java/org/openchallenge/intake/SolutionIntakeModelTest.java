package org.openchallenge.intake;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

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
import org.openchallenge.cases.CaseSchedule;
import org.openchallenge.platform.ModelTestEngine;

/**
 * The solution-intake model on the engine alone, its beans mocked: one screening per submission message, the
 * amendment and withdrawal messages that end a screening, and the deadline's timer after which intake still waits
 * for every screening. SolutionIntakeProcessTest proves the whole with the real beans; this one pins the model's own
 * paths. Messages are correlated as IntakeService does: by business key and the screening's submissionId.
 */
@Deployment(resources = "processes/solutionIntake.bpmn")
class SolutionIntakeModelTest {

  @RegisterExtension
  static final ModelTestEngine MODEL = new ModelTestEngine("solutionIntake-model");

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = MODEL.camundaExtension();

  // Not final: Camunda's extension injects its engine (this same one) into fields of this type.
  static ProcessEngine ENGINE = MODEL.engine();

  final Date deadline = Date.from(Instant.now().plus(Duration.ofDays(30)));
  final CaseSchedule schedule = mock(CaseSchedule.class);
  final JavaDelegate openIntake = mock(JavaDelegate.class);
  final JavaDelegate closeIntake = mock(JavaDelegate.class);
  final JavaDelegate tallyScreening = mock(JavaDelegate.class);

  @BeforeEach
  void mocks() {
    when(schedule.intakeDeadline(any())).thenReturn(deadline);
    Mocks.register("caseSchedule", schedule);
    Mocks.register("openIntake", openIntake);
    Mocks.register("closeIntake", closeIntake);
    Mocks.register("tallyScreening", tallyScreening);
    ModelTestEngine.mockForms("screenSubmissionForm");
  }

  @Test
  void eachSubmissionIsScreenedAndIntakeEndsOnlyWhenTheDeadlinePassedAndAllAreScreened() throws Exception {
    ProcessInstance intake = start("PC-TEST-1");
    submit("PC-TEST-1", 1L);
    submit("PC-TEST-1", 2L);
    org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("Task_ScreenSubmission").count())
        .isEqualTo(2);
    assertThat(screeningOf(1L)).hasCandidateGroup("officials");
    complete(screeningOf(2L));
    assertThat(intake).hasPassed("EndEvent_SubmissionScreened").isWaitingAt("Event_IntakeDeadlinePassed");

    // The deadline comes from the schedule bean.
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(deadline);
    execute(job());
    verify(closeIntake).execute(any());
    assertThat(intake).as("the deadline passed, but submission 1 is unscreened")
        .hasPassed("Task_CloseIntake", "EndEvent_IntakeClosed").hasNotPassed("Task_TallyScreening")
        .isWaitingAt("Task_ScreenSubmission");
    verify(tallyScreening, never()).execute(any());

    complete(screeningOf(1L));
    verify(tallyScreening).execute(any());
    assertThat(intake).hasPassed("Task_TallyScreening", "EndEvent_IntakeCompleted").isEnded();
  }

  @Test
  void anAmendmentSupersedesItsScreeningAndAWithdrawalEndsIt() throws Exception {
    ProcessInstance intake = start("PC-TEST-2");
    submit("PC-TEST-2", 1L);
    submit("PC-TEST-2", 2L);

    // IntakeService ends the amended submission's screening, then opens one for the amendment's new id.
    correlate("Msg_SubmissionAmended", "PC-TEST-2", 1L);
    submit("PC-TEST-2", 3L);
    assertThat(intake).hasPassed("EndEvent_ScreeningSuperseded").hasNotPassed("EndEvent_SubmissionWithdrawn");
    org.assertj.core.api.Assertions.assertThat(screeningOf(1L)).isNull();
    org.assertj.core.api.Assertions.assertThat(screeningOf(2L)).as("the other screening goes on").isNotNull();
    org.assertj.core.api.Assertions.assertThat(screeningOf(3L)).isNotNull();

    correlate("Msg_SubmissionWithdrawn", "PC-TEST-2", 2L);
    assertThat(intake).hasPassed("EndEvent_SubmissionWithdrawn").isWaitingAt("Task_ScreenSubmission");
    org.assertj.core.api.Assertions.assertThat(screeningOf(2L)).isNull();
    org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("Task_ScreenSubmission").count())
        .isEqualTo(1);

    complete(screeningOf(3L));
    execute(job());
    assertThat(intake).hasPassed("EndEvent_IntakeCompleted").isEnded();
  }

  @Test
  void withoutSubmissionsTheDeadlineEndsIntake() throws Exception {
    ProcessInstance intake = start("PC-TEST-3");
    execute(job());
    verify(closeIntake).execute(any());
    verify(tallyScreening).execute(any());
    assertThat(intake).hasNotPassed("Task_ScreenSubmission").hasPassed("EndEvent_IntakeCompleted").isEnded();
  }

  private ProcessInstance start(String businessKey) throws Exception {
    ProcessInstance intake = ENGINE.getRuntimeService().startProcessInstanceByKey("solutionIntake", businessKey);
    verify(openIntake).execute(any());
    assertThat(intake).hasPassed("Task_OpenIntake").isWaitingAt("Event_IntakeDeadlinePassed");
    return intake;
  }

  /** As IntakeService.startScreening: the submission's id is local to the new screening. */
  private void submit(String businessKey, long submissionId) {
    ENGINE.getRuntimeService().createMessageCorrelation("Msg_SolutionSubmitted")
        .processInstanceBusinessKey(businessKey).setVariableLocal("submissionId", submissionId).correlateWithResult();
  }

  /** As IntakeService.amend and withdraw: only the screening of that submission is reached. */
  private void correlate(String message, String businessKey, long submissionId) {
    org.assertj.core.api.Assertions.assertThat(ENGINE.getRuntimeService().createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey).localVariableEquals("submissionId", submissionId)
        .correlateAllWithResult()).hasSize(1);
  }

  /** The open screening whose task carries this submission's id (its input mapping), or null. */
  private Task screeningOf(long submissionId) {
    return taskQuery().taskDefinitionKey("Task_ScreenSubmission").list().stream()
        .filter(t -> Long.valueOf(submissionId)
            .equals(ENGINE.getRuntimeService().getVariableLocal(t.getExecutionId(), "submissionId")))
        .reduce((a, b) -> {
          throw new AssertionError("two screenings of submission " + submissionId);
        }).orElse(null);
  }
}
