package org.openchallenge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseService;
import org.openchallenge.platform.ApiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

@ProcessTest
class SolutionIntakeProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver driver;
  @Autowired SolutionRepository solutions;
  @Autowired CaseService cases;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void eachSubmissionGetsItsOwnScreeningTaskAndIntakeWaitsForScreeningAfterTheDeadline() {
    String key = driver.publishedChallenge("Screening");
    driver.researchWithFinding(key);
    Solution a = driver.submitSolution(key, "paula", "A");
    Solution b = driver.submitSolution(key, "pedro", "B");
    assertThat(driver.openTasks(key)).containsExactly("Task_ScreenSubmission", "Task_ScreenSubmission");
    driver.screen(key, b.id(), false);

    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    var intake = driver.phase(key, "solutionIntake");
    BpmnAwareTests.assertThat(intake).as("the deadline passed, but one submission is unscreened")
        .isWaitingAt("Task_ScreenSubmission");
    assertThatThrownBy(() -> driver.submitSolution(key, "olga", "Late"))
        .isInstanceOf(ApiException.class).hasMessageContaining("deadline")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));

    driver.screen(key, a.id(), true);
    BpmnAwareTests.assertThat(intake).isEnded();
    assertThat(solutions.find(a.id()).orElseThrow().status()).isEqualTo(Solution.Status.ELIGIBLE);
    assertThat(solutions.find(b.id()).orElseThrow()).satisfies(s -> {
      assertThat(s.status()).isEqualTo(Solution.Status.NOT_ELIGIBLE);
      assertThat(s.screeningReason()).isEqualTo("Outside the challenge's scope.");
    });
    assertThat(driver.runtime.getVariable(driver.phase(key, "procurementCase").getId(), "eligibleSolutionFound"))
        .isEqualTo(true);
  }

  @Test
  void submissionsAreRefusedWholeOutsideIntakeOrTwiceFromOneProvider() {
    String key = driver.publishedChallenge("Refused submissions");
    long caseId = cases.require(key).id();
    assertThatThrownBy(() -> driver.submitSolution(key, "paula", "Too early"))
        .isInstanceOf(ApiException.class).hasMessageContaining("not open for submissions");
    driver.researchWithFinding(key);
    driver.submitSolution(key, "paula", "First");
    assertThatThrownBy(() -> driver.submitSolution(key, "paula", "Second"))
        .isInstanceOf(ApiException.class).hasMessageContaining("already submitted");
    assertThatThrownBy(() -> driver.submitSolution("PC-1999-000000", "paula", "Nowhere"))
        .isInstanceOf(ApiException.class).hasMessageContaining("No case");
    assertThat(solutions.withStatus(caseId, Solution.Status.SUBMITTED)).extracting(Solution::title)
        .containsExactly("First");
    assertThat(driver.openTasks(key)).containsExactly("Task_ScreenSubmission");
  }
}
