package org.openchallenge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.openchallenge.intake.SolutionRepository;
import org.openchallenge.platform.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole case, phase after phase, through the engine's services as Tasklist drives it. */
@ProcessTest
class ProcurementCaseProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver driver;
  @Autowired CaseService cases;
  @Autowired SolutionRepository solutions;
  @Autowired JdbcClient db;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aCaseRunsFromNeedToClosure() {
    ProcessInstance pi = driver.openNeed("Safe crossings for cyclists");
    String key = pi.getBusinessKey();
    assertThat(key).matches("PC-\\d{4}-\\d{6}");
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_NeedOpening");
    assertThat(cases.require(key).phase()).isEqualTo(CasePhase.NEED_OPENING);
    assertThat(driver.runtime.getVariables(pi.getId())).as("process variables hold references and flags only")
        .doesNotContainKeys("title", "problem", "budgetEnvelope");

    driver.frameAndConsult(key, List.of("sam", "sofia"));
    driver.approve(key, "PUBLISH", null);
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_Research");
    assertThat(cases.require(key).phase()).isEqualTo(CasePhase.RESEARCH);

    driver.researchWithFinding(key);
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_SolutionIntake");
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    BpmnAwareTests.assertThat(pi).hasPassed("Gateway_EligibleSolutionFound").isWaitingAt("CallActivity_JuryDeliberation");

    driver.deliberate(key, eligible);
    driver.decideAward(key, eligible.get(0).id());
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_AwardContract");
    driver.confirmAndContract(key);
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_ImpactMonitoring");
    assertThat(solutions.find(eligible.get(0).id()).orElseThrow().status()).isEqualTo(Solution.Status.AWARDED);

    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 30, 14);
    driver.submit(key, "Task_GiveStakeholderFeedback", "sam", CaseDriver.form("rating", "4", "feedbackComment", "Better."));
    driver.submit(key, "Task_GiveStakeholderFeedback", "sofia", CaseDriver.form("rating", "3"));
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 18, 17);
    driver.fireTimer(key, "Timer_ContractEnded");
    driver.submit(key, "Task_AssessFinalImpact", "sam", CaseDriver.form("rating", "4"));
    driver.submit(key, "Task_AssessFinalImpact", "sofia", CaseDriver.form("rating", "3"));
    driver.submit(key, "Task_EvaluateImpact", CaseDriver.form("finalStatus", "PARTLY_ACHIEVED",
        "impactSummary", "Injuries halved; cycling share rose less than hoped."));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_CaseClosed");
    ProcurementCase closed = cases.require(key);
    assertThat(closed.outcome()).isEqualTo(CaseOutcome.CLOSED);
    assertThat(closed.phase()).isEqualTo(CasePhase.ENDED);
    long caseId = closed.id();
    assertThat(count("monitoring_report", caseId)).isEqualTo(2);
    // Two feedbacks in the first period, two assessments of the outcome at contract end.
    assertThat(count("stakeholder_feedback", caseId)).isEqualTo(4);
    assertThat(count("consultation_input", caseId)).isEqualTo(2);
    assertThat(count("impact_evaluation", caseId)).isEqualTo(1);
  }

  @Test
  void aManagerCanSendTheChallengeBackForReworkThenPublishIt() {
    ProcessInstance pi = driver.openNeed("Rework loop");
    String key = pi.getBusinessKey();
    driver.frameAndConsult(key, List.of());
    driver.approve(key, "REWORK", "Make the outcomes measurable per district.");
    BpmnAwareTests.assertThat(driver.phase(key, "needOpening")).isWaitingAt("Task_FrameChallenge");
    // The form shows the earlier framing and the manager's comment.
    var task = driver.task(key, "Task_FrameChallenge", null);
    assertThat(driver.tasks.getVariableLocal(task.getId(), "reworkComment"))
        .isEqualTo("Make the outcomes measurable per district.");
    assertThat(driver.tasks.getVariableLocal(task.getId(), "challengeQuestion")).asString().startsWith("How might we");

    driver.frameAndConsult(key, List.of());
    driver.approve(key, "PUBLISH", null);
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_Research");
  }

  @Test
  void aWithdrawnNeedEndsTheCase() {
    ProcessInstance pi = driver.openNeed("Withdrawn need");
    String key = pi.getBusinessKey();
    driver.frameAndConsult(key, List.of());
    driver.approve(key, "WITHDRAW", "Covered by the regional programme.");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_NeedWithdrawn");
    assertThat(cases.require(key).outcome()).isEqualTo(CaseOutcome.WITHDRAWN);
  }

  @Test
  void withNoEligibleSolutionResearchIsRepeatedOnceThenTheChallengeIsCancelled() {
    String key = driver.publishedChallenge("No eligible solution");
    ProcessInstance pi = driver.phase(key, "procurementCase");
    driver.recordFinding(key, "FINISH", null);
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Nothing found."));
    Solution s = driver.submitSolution(key, "paula", "Unrelated gadget");
    driver.screen(key, s.id(), false);
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");

    BpmnAwareTests.assertThat(pi).hasPassed("Task_ReopenResearch").isWaitingAt("CallActivity_Research");
    assertThat(cases.require(key).researchRound()).isEqualTo(2);

    driver.recordFinding(key, "FINISH", null);
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Still nothing."));
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ExplainChallengeCancellation");
    driver.submit(key, "Task_ExplainChallengeCancellation", CaseDriver.form("reason", "No provider met the outcomes."));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_ChallengeCancelled");
    ProcurementCase ended = cases.require(key);
    assertThat(ended.outcome()).isEqualTo(CaseOutcome.CHALLENGE_CANCELLED);
    assertThat(ended.outcomeReason()).isEqualTo("No provider met the outcomes.");
  }

  @Test
  void aJuryMayDecideNotToAward() {
    String key = driver.publishedChallenge("No award");
    ProcessInstance pi = driver.phase(key, "procurementCase");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideNoAward(key, "No solution is mature enough.");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_NoAward");
    assertThat(cases.require(key).outcome()).isEqualTo(CaseOutcome.NO_AWARD);
  }

  @Test
  void anAwardReferredBackGoesToANewJuryRound() {
    String key = driver.publishedChallenge("Referred back");
    ProcessInstance pi = driver.phase(key, "procurementCase");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.submit(key, "Task_ConfirmAward", CaseDriver.form("confirmation", "REFER_BACK",
        "reviewComment", "The ranking ignores the budget envelope."));
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_JuryDeliberation");
    // The new deliberation starts jury round 2, composed afresh.
    assertThat(cases.require(key).juryRound()).isEqualTo(2);
    driver.deliberate(key, eligible);
    assertThat(cases.require(key).juryRound()).isEqualTo(2);
    driver.decideAward(key, eligible.get(1).id());
    driver.confirmAndContract(key);
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_ImpactMonitoring");
  }

  @Test
  void anOfficialCanCancelACaseAtAnyPhaseWithAReason() {
    String key = driver.publishedChallenge("Cancelled case");
    ProcessInstance pi = driver.phase(key, "procurementCase");
    driver.researchWithFinding(key);
    driver.submitSolution(key, "paula", "Solution in screening");
    assertThat(driver.openTasks(key)).contains("Task_ScreenSubmission");

    cases.cancel(key, "The council moved the budget to flood defence.", "olivia");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_CaseCancelled");
    assertThat(driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
        .as("the called phase ends with the case").isZero();
    ProcurementCase cancelled = cases.require(key);
    assertThat(cancelled.outcome()).isEqualTo(CaseOutcome.CANCELLED);
    assertThat(cancelled.outcomeReason()).isEqualTo("The council moved the budget to flood defence.");
    assertThat(cancelled.closedBy()).isEqualTo("olivia");
    assertThatThrownBy(() -> cases.cancel(key, "again", "olivia")).isInstanceOf(ApiException.class)
        .hasMessageContaining("already ended");
  }

  @Test
  void anInvalidStartFormIsRefusedWithTheFieldsNamedAndStartsNothing() {
    long before = driver.runtime.createProcessInstanceQuery().processDefinitionKey("procurementCase").count();
    long casesBefore = db.sql("select count(*) from procurement_case").query(Long.class).single();
    var form = CaseDriver.needForm(" ");
    form.put("budgetEnvelope", "a lot");
    form.put("currency", "euro");
    String definitionId = driver.repository.createProcessDefinitionQuery().processDefinitionKey("procurementCase")
        .latestVersion().singleResult().getId();
    assertThatThrownBy(() -> driver.forms.submitStartForm(definitionId, form))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Title is required")
        .hasMessageContaining("Budget envelope must be a number")
        .hasMessageContaining("Currency must be at most 3 characters");
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey("procurementCase").count())
        .isEqualTo(before);
    assertThat(db.sql("select count(*) from procurement_case").query(Long.class).single()).isEqualTo(casesBefore);
  }

  private long count(String table, long caseId) {
    return db.sql("select count(*) from " + table + " where case_id = :id").param("id", caseId).query(Long.class)
        .single();
  }
}
