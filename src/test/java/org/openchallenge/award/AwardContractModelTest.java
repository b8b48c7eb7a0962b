package org.openchallenge.award;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openchallenge.cases.CaseFacts;
import org.openchallenge.platform.ModelTestEngine;

/**
 * The award model on the engine alone, its beans mocked: the manager's confirmation or referral back, and the
 * algorithm register entry only where an AI system is bought. The full-stack paths run in ProcurementCaseProcessTest
 * and AlgorithmRegisterTest with the real forms.
 */
@Deployment(resources = "processes/awardContract.bpmn")
class AwardContractModelTest {

  @RegisterExtension
  static final ModelTestEngine MODEL = new ModelTestEngine("awardContract-model");

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = MODEL.camundaExtension();

  // Not final: Camunda's extension injects its engine (this same one) into fields of this type.
  static ProcessEngine ENGINE = MODEL.engine();

  final CaseFacts caseFacts = mock(CaseFacts.class);
  final TaskListener confirmAwardForm = mock(TaskListener.class);
  final TaskListener recordContractForm = mock(TaskListener.class);
  final TaskListener recordAlgorithmRegisterForm = mock(TaskListener.class);

  @BeforeEach
  void mocks() {
    Mocks.register("caseFacts", caseFacts);
    Mocks.register("confirmAwardForm", confirmAwardForm);
    Mocks.register("recordContractForm", recordContractForm);
    Mocks.register("recordAlgorithmRegisterForm", recordAlgorithmRegisterForm);
  }

  @Test
  void aConfirmedAwardOfAnAiSystemIsRecordedInTheAlgorithmRegister() {
    when(caseFacts.involvesAi(any())).thenReturn(true);
    ProcessInstance award = start("PC-AWARD-1");
    assertThat(award).isWaitingAt("Task_ConfirmAward");
    assertThat(task()).hasCandidateGroup("managers");
    complete(task(), Map.of("awardConfirmed", true));
    assertThat(award).isWaitingAt("Task_RecordContract");
    assertThat(task()).hasCandidateGroup("officials");
    complete(task());
    verify(caseFacts).involvesAi(any());
    assertThat(award).isWaitingAt("Task_RecordAlgorithmRegister");
    assertThat(task()).hasCandidateGroup("officials");
    complete(task());
    assertThat(award).hasPassed("Task_RecordAlgorithmRegister", "EndEvent_ContractSigned")
        .hasNotPassed("EndEvent_AwardReferredBack").isEnded();
  }

  @Test
  void aConfirmedAwardWithoutAiEndsWithTheContract() {
    when(caseFacts.involvesAi(any())).thenReturn(false);
    ProcessInstance award = start("PC-AWARD-2");
    assertThat(award).isWaitingAt("Task_ConfirmAward");
    complete(task(), Map.of("awardConfirmed", true));
    assertThat(award).isWaitingAt("Task_RecordContract");
    complete(task());
    assertThat(award).hasPassed("Task_RecordContract", "EndEvent_ContractSigned")
        .hasNotPassed("Task_RecordAlgorithmRegister").isEnded();
    // Each form bean hears its task's create and complete.
    verify(recordContractForm, times(2)).notify(any());
    verifyNoInteractions(recordAlgorithmRegisterForm);
  }

  @Test
  void anAwardReferredBackEndsWithoutAContract() {
    ProcessInstance award = start("PC-AWARD-3");
    assertThat(award).isWaitingAt("Task_ConfirmAward");
    complete(task(), Map.of("awardConfirmed", false));
    assertThat(award).hasPassed("EndEvent_AwardReferredBack").hasNotPassed("Task_RecordContract").isEnded();
    verifyNoInteractions(caseFacts, recordContractForm);
  }

  private static ProcessInstance start(String businessKey) {
    return ENGINE.getRuntimeService().startProcessInstanceByKey("awardContract", businessKey);
  }
}
