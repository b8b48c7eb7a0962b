package org.openchallenge.cases;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openchallenge.platform.ModelTestEngine;

/**
 * The case model on the engine alone: its beans mocked and each of the six phases it calls replaced by a stub, one
 * user task that the test completes with the variable the case reads back. Covers the phases in order, each gateway
 * between them, every end state and the cancellation message. ProcurementCaseProcessTest runs the real phases.
 */
@Deployment(resources = "processes/procurementCase.bpmn")
class ProcurementCaseModelTest {

  @RegisterExtension
  static final ModelTestEngine MODEL = new ModelTestEngine("procurementCase-model");

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = MODEL.camundaExtension();

  // Not final: Camunda's extension injects its engine (this same one) into fields of this type.
  static ProcessEngine ENGINE = MODEL.engine();

  static final String[] PHASES = {"needOpening", "research", "solutionIntake", "juryDeliberation", "awardContract",
      "impactMonitoring"};

  final JavaDelegate registerNeed = mock(JavaDelegate.class);
  final JavaDelegate reopenResearch = mock(JavaDelegate.class);
  final List<String> phasesEntered = new ArrayList<>();
  final List<String> closedAt = new ArrayList<>();

  /** Each phase as a stub: a single task, completed by the test, in a process of the phase's key. */
  @BeforeAll
  static void stubPhases() {
    DeploymentBuilder deployment = ENGINE.getRepositoryService().createDeployment().name("phase stubs");
    for (String phase : PHASES) {
      deployment.addModelInstance(phase + ".bpmn", Bpmn.createExecutableProcess(phase).camundaHistoryTimeToLive(1)
          .startEvent().userTask("Task_Stub").endEvent().done());
    }
    deployment.deploy();
  }

  @BeforeEach
  void mocks() throws Exception {
    doAnswer(call -> setFlag(call.getArgument(0), "researchRepeated", false)).when(registerNeed).execute(any());
    doAnswer(call -> setFlag(call.getArgument(0), "researchRepeated", true)).when(reopenResearch).execute(any());
    Mocks.register("registerNeed", registerNeed);
    Mocks.register("reopenResearch", reopenResearch);
    Mocks.register("enterPhase", (ExecutionListener) e -> phasesEntered.add(e.getCurrentActivityId()));
    Mocks.register("closeCase", (ExecutionListener) e -> closedAt.add(e.getCurrentActivityId()));
    ModelTestEngine.mockForms("explainChallengeCancellationForm");
  }

  @Test
  void aCaseRunsThroughTheSixPhasesInOrderToClosure() throws Exception {
    ProcessInstance pc = start("PC-TEST-1");
    verify(registerNeed).execute(any());
    org.assertj.core.api.Assertions.assertThat(calledProcessInstance("needOpening", pc).getBusinessKey())
        .isEqualTo("PC-TEST-1");
    finish(pc, "CallActivity_NeedOpening", "needOpening", Map.of("publicationDecision", "PUBLISH"));
    finish(pc, "CallActivity_Research", "research", Map.of());
    finish(pc, "CallActivity_SolutionIntake", "solutionIntake", Map.of("eligibleSolutionFound", true));
    finish(pc, "CallActivity_JuryDeliberation", "juryDeliberation", Map.of("awardDecided", true));
    finish(pc, "CallActivity_AwardContract", "awardContract", Map.of("awardConfirmed", true));
    finish(pc, "CallActivity_ImpactMonitoring", "impactMonitoring", Map.of("contractTerminated", false));

    assertThat(pc).hasPassed("EndEvent_CaseClosed").hasNotPassed("Task_ReopenResearch").isEnded();
    org.assertj.core.api.Assertions.assertThat(phasesEntered).containsExactly("CallActivity_NeedOpening",
        "CallActivity_Research", "CallActivity_SolutionIntake", "CallActivity_JuryDeliberation",
        "CallActivity_AwardContract", "CallActivity_ImpactMonitoring");
    org.assertj.core.api.Assertions.assertThat(closedAt).containsExactly("EndEvent_CaseClosed");
  }

  @Test
  void aWithdrawnNeedEndsTheCase() {
    ProcessInstance pc = start("PC-TEST-2");
    finish(pc, "CallActivity_NeedOpening", "needOpening", Map.of("publicationDecision", "WITHDRAW"));
    assertThat(pc).hasPassed("EndEvent_NeedWithdrawn").hasNotPassed("CallActivity_Research").isEnded();
    org.assertj.core.api.Assertions.assertThat(closedAt).containsExactly("EndEvent_NeedWithdrawn");
  }

  @Test
  void withNoEligibleSolutionResearchIsRepeatedOnceThenTheChallengeIsCancelled() throws Exception {
    ProcessInstance pc = published("PC-TEST-3");
    finish(pc, "CallActivity_Research", "research", Map.of());
    finish(pc, "CallActivity_SolutionIntake", "solutionIntake", Map.of("eligibleSolutionFound", false));
    assertThat(pc).hasPassed("Task_ReopenResearch").isWaitingAt("CallActivity_Research");
    verify(reopenResearch).execute(any());

    finish(pc, "CallActivity_Research", "research", Map.of());
    finish(pc, "CallActivity_SolutionIntake", "solutionIntake", Map.of("eligibleSolutionFound", false));
    assertThat(pc).isWaitingAt("Task_ExplainChallengeCancellation");
    assertThat(task("Task_ExplainChallengeCancellation", pc)).hasCandidateGroup("officials");
    complete(task("Task_ExplainChallengeCancellation", pc));
    assertThat(pc).hasPassed("EndEvent_ChallengeCancelled").hasNotPassed("CallActivity_JuryDeliberation").isEnded();
    verify(reopenResearch).execute(any()); // still once
    org.assertj.core.api.Assertions.assertThat(closedAt).containsExactly("EndEvent_ChallengeCancelled");
  }

  @Test
  void aJuryMayDecideNotToAward() {
    ProcessInstance pc = eligible("PC-TEST-4");
    finish(pc, "CallActivity_JuryDeliberation", "juryDeliberation", Map.of("awardDecided", false));
    assertThat(pc).hasPassed("EndEvent_NoAward").hasNotPassed("CallActivity_AwardContract").isEnded();
    org.assertj.core.api.Assertions.assertThat(closedAt).containsExactly("EndEvent_NoAward");
  }

  @Test
  void anAwardReferredBackGoesToANewJuryRoundThenTheContractIsTerminated() {
    ProcessInstance pc = eligible("PC-TEST-5");
    finish(pc, "CallActivity_JuryDeliberation", "juryDeliberation", Map.of("awardDecided", true));
    finish(pc, "CallActivity_AwardContract", "awardContract", Map.of("awardConfirmed", false));
    assertThat(pc).isWaitingAt("CallActivity_JuryDeliberation").hasNotPassed("CallActivity_ImpactMonitoring");

    finish(pc, "CallActivity_JuryDeliberation", "juryDeliberation", Map.of("awardDecided", true));
    finish(pc, "CallActivity_AwardContract", "awardContract", Map.of("awardConfirmed", true));
    finish(pc, "CallActivity_ImpactMonitoring", "impactMonitoring", Map.of("contractTerminated", true));
    assertThat(pc).hasPassed("EndEvent_ContractTerminated").hasNotPassed("EndEvent_CaseClosed").isEnded();
    org.assertj.core.api.Assertions.assertThat(phasesEntered).filteredOn("CallActivity_JuryDeliberation"::equals)
        .hasSize(2);
    org.assertj.core.api.Assertions.assertThat(closedAt).containsExactly("EndEvent_ContractTerminated");
  }

  @Test
  void theCancellationMessageEndsTheCaseAndItsRunningPhase() throws Exception {
    ProcessInstance pc = published("PC-TEST-6");
    ProcessInstance research = calledProcessInstance("research", pc);
    ENGINE.getRuntimeService().createMessageCorrelation("Msg_CaseCancelled").processInstanceBusinessKey("PC-TEST-6")
        .correlateWithResult();
    assertThat(pc).hasPassed("EndEvent_CaseCancelled").hasNotPassed("CallActivity_SolutionIntake").isEnded();
    assertThat(research).isEnded();
    org.assertj.core.api.Assertions.assertThat(closedAt).containsExactly("EndEvent_CaseCancelled");
    verify(reopenResearch, never()).execute(any());
  }

  private ProcessInstance start(String caseKey) {
    ProcessInstance pc = ENGINE.getRuntimeService().startProcessInstanceByKey("procurementCase", caseKey);
    assertThat(pc).hasPassed("Task_RegisterNeed");
    return pc;
  }

  private ProcessInstance published(String caseKey) {
    ProcessInstance pc = start(caseKey);
    finish(pc, "CallActivity_NeedOpening", "needOpening", Map.of("publicationDecision", "PUBLISH"));
    return pc;
  }

  private ProcessInstance eligible(String caseKey) {
    ProcessInstance pc = published(caseKey);
    finish(pc, "CallActivity_Research", "research", Map.of());
    finish(pc, "CallActivity_SolutionIntake", "solutionIntake", Map.of("eligibleSolutionFound", true));
    return pc;
  }

  /** The case waits in this phase; its stub ends with these variables, which the case maps back. */
  private void finish(ProcessInstance pc, String callActivity, String phase, Map<String, Object> outcome) {
    assertThat(pc).isWaitingAt(callActivity);
    ProcessInstance called = calledProcessInstance(phase, pc);
    complete(task("Task_Stub", called), outcome);
    assertThat(called).isEnded();
  }

  private static Object setFlag(DelegateExecution execution, String name, boolean value) {
    execution.setVariable(name, value);
    return null;
  }
}
