package org.openchallenge.jury;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
import org.openchallenge.jury.CompositionCheck.CompositionFacts;
import org.openchallenge.platform.ModelTestEngine;

/**
 * The jury model on the engine alone: the real decision table juryComposition judges the facts the mocked
 * juryProcess gives, a stand-in for recordCompositionCheck turns its findings into the verdict, and the other beans
 * are mocks. JuryDeliberationProcessTest proves the whole with the real beans; this one pins the model's paths.
 */
@Deployment(resources = {"processes/juryDeliberation.bpmn", "processes/juryComposition.dmn"})
class JuryDeliberationModelTest {

  static final CompositionFacts COMPLIANT = new CompositionFacts(3, 0.67, 1, false, 0.0);
  static final CompositionFacts WARNED = new CompositionFacts(4, 0.25, 1, false, 0.0); // few non-officials
  static final CompositionFacts VIOLATED = new CompositionFacts(2, 0.5, 1, false, 0.0); // too few jurors
  static final List<String> JURORS = List.of("ana", "ben", "cleo");

  @RegisterExtension
  static final ModelTestEngine MODEL = new ModelTestEngine("juryDeliberation-model");

  @RegisterExtension
  static final ProcessEngineExtension EXTENSION = MODEL.camundaExtension();

  // Not final: Camunda's extension injects its engine (this same one) into fields of this type.
  static ProcessEngine ENGINE = MODEL.engine();

  final JuryProcess juryProcess = mock(JuryProcess.class);
  final CaseParticipants caseParticipants = mock(CaseParticipants.class);
  final ExecutionListener startJuryRound = mock(ExecutionListener.class);
  final ExecutionListener recordCompositionCheck = mock(ExecutionListener.class);
  final JavaDelegate confirmJury = mock(JavaDelegate.class);
  final JavaDelegate checkQuorum = mock(JavaDelegate.class);
  final JavaDelegate unlockScores = mock(JavaDelegate.class);
  final Date deadline = Date.from(Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS));
  /** Jurors still to declare, as the bean reads them (the engine evaluates the collection once per element). */
  List<String> toDeclare = JURORS;
  /** The answers of Task_CheckQuorum, one per pass; true once they run out. */
  final Deque<Boolean> quorum = new ArrayDeque<>();

  @BeforeEach
  void mocks() throws Exception {
    when(juryProcess.jurorsToDeclare(any())).thenAnswer(call -> toDeclare);
    when(juryProcess.scoringDeadline(any())).thenReturn(deadline);
    when(caseParticipants.jurors(any())).thenReturn(JURORS);
    doAnswer(call -> {
      DelegateExecution execution = call.getArgument(0);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> findings = (List<Map<String, Object>>) execution.getVariable("compositionFindings");
      execution.removeVariable("compositionFindings");
      String verdict = findings.stream().anyMatch(f -> "VIOLATION".equals(f.get("severity"))) ? "VIOLATION"
          : findings.isEmpty() ? "COMPLIANT" : "WARNING";
      execution.setVariable("compositionVerdict", verdict);
      return null;
    }).when(recordCompositionCheck).notify(any());
    doAnswer(call -> {
      call.getArgument(0, DelegateExecution.class).setVariable("juryQuorumReached",
          quorum.isEmpty() || quorum.pop());
      return null;
    }).when(checkQuorum).execute(any());
    Mocks.register("juryProcess", juryProcess);
    Mocks.register("caseParticipants", caseParticipants);
    Mocks.register("startJuryRound", startJuryRound);
    Mocks.register("recordCompositionCheck", recordCompositionCheck);
    Mocks.register("confirmJury", confirmJury);
    Mocks.register("checkQuorum", checkQuorum);
    Mocks.register("unlockScores", unlockScores);
    ModelTestEngine.mockForms("composeJuryForm", "reviewCompositionWarningsForm", "declareConflictsForm",
        "evaluateSolutionsForm", "decideAwardForm");
  }

  @Test
  void aCompliantJuryDeclaresScoresAndDecides() throws Exception {
    when(juryProcess.facts(any())).thenReturn(COMPLIANT);
    ProcessInstance jury = start("PC-JURY-1");
    verify(startJuryRound).notify(any());
    composeJury(jury);
    assertThat(jury).hasPassed("Task_CheckComposition", "Task_ConfirmJury")
        .hasNotPassed("Task_ReviewCompositionWarnings").isWaitingAt("Task_DeclareConflicts");
    verify(confirmJury).execute(any());
    completeEach(jury, "Task_DeclareConflicts", JURORS);
    assertThat(jury).hasPassed("Task_CheckQuorum").isWaitingAt("Task_EvaluateSolutions");
    completeEach(jury, "Task_EvaluateSolutions", JURORS);
    assertThat(jury).hasPassed("Task_UnlockScores").hasNotPassed("Timer_ScoringDeadline")
        .isWaitingAt("Task_DecideAward");
    verify(unlockScores).execute(any());
    assertThat(task()).hasCandidateGroup("officials");
    complete(task());
    assertThat(jury).hasPassed("EndEvent_DeliberationConcluded").isEnded();
  }

  @Test
  void aViolationBlocksTheJuryAndAWarningIsRevisedThenOverridden() throws Exception {
    when(juryProcess.facts(any())).thenReturn(VIOLATED, WARNED, WARNED);
    ProcessInstance jury = start("PC-JURY-2");
    composeJury(jury);
    // Too few jurors: back to the composition, no review of warnings.
    assertThat(jury).hasPassed("Task_CheckComposition").hasNotPassed("Task_ReviewCompositionWarnings")
        .isWaitingAt("Task_ComposeJury");
    composeJury(jury);
    assertThat(jury).isWaitingAt("Task_ReviewCompositionWarnings");
    assertThat(task()).hasCandidateGroup("officials");
    complete(task(), Map.of("warningsOverridden", false));
    assertThat(jury).isWaitingAt("Task_ComposeJury");
    verify(confirmJury, never()).execute(any());
    composeJury(jury);
    assertThat(jury).isWaitingAt("Task_ReviewCompositionWarnings");
    complete(task(), Map.of("warningsOverridden", true));
    assertThat(jury).hasPassed("Task_ConfirmJury").isWaitingAt("Task_DeclareConflicts");
    verify(recordCompositionCheck, times(3)).notify(any());
    verify(confirmJury).execute(any());
  }

  @Test
  void aMissedQuorumSendsTheJuryBackAndOnlyTheNewJurorDeclares() throws Exception {
    when(juryProcess.facts(any())).thenReturn(COMPLIANT);
    quorum.add(false);
    ProcessInstance jury = start("PC-JURY-3");
    composeJury(jury);
    completeEach(jury, "Task_DeclareConflicts", JURORS);
    assertThat(jury).hasPassed("Task_CheckQuorum").hasNotPassed("Task_EvaluateSolutions")
        .isWaitingAt("Task_ComposeJury");
    toDeclare = List.of("dan");
    composeJury(jury);
    assertThat(jury).isWaitingAt("Task_DeclareConflicts");
    completeEach(jury, "Task_DeclareConflicts", List.of("dan"));
    assertThat(jury).isWaitingAt("Task_EvaluateSolutions");
    verify(checkQuorum, times(2)).execute(any());
  }

  @Test
  void theScoringDeadlineClosesScoringWithoutTheMissingJurors() throws Exception {
    when(juryProcess.facts(any())).thenReturn(COMPLIANT);
    ProcessInstance jury = start("PC-JURY-4");
    composeJury(jury);
    completeEach(jury, "Task_DeclareConflicts", JURORS);
    assertThat(jury).isWaitingAt("Task_EvaluateSolutions");
    completeEach(jury, "Task_EvaluateSolutions", List.of("ana"));
    assertThat(jury).isWaitingAt("Task_EvaluateSolutions");
    // The deadline comes from the juryProcess bean.
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(deadline);
    execute(job());
    verify(unlockScores).execute(any());
    assertThat(jury).hasPassed("Timer_ScoringDeadline", "Task_UnlockScores").isWaitingAt("Task_DecideAward");
    org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("Task_EvaluateSolutions").count())
        .isZero();
  }

  private static ProcessInstance start(String businessKey) {
    ProcessInstance jury = ENGINE.getRuntimeService().startProcessInstanceByKey("juryDeliberation", businessKey);
    assertThat(jury).isWaitingAt("Task_ComposeJury");
    return jury;
  }

  private static void composeJury(ProcessInstance jury) {
    assertThat(jury).isWaitingAt("Task_ComposeJury");
    assertThat(task()).hasCandidateGroup("officials");
    complete(task());
  }

  /** Completes the named task of each juror: one instance per juror, assigned to them. */
  private static void completeEach(ProcessInstance jury, String activity, List<String> jurors) {
    for (String juror : jurors) {
      Task task = task(taskQuery().taskDefinitionKey(activity).taskAssignee(juror), jury);
      assertThat(task).isAssignedTo(juror);
      complete(task);
    }
  }
}
