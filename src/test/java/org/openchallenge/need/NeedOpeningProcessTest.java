package org.openchallenge.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class NeedOpeningProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver driver;
  @Autowired NeedService need;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void theConsultationWindowClosesOnItsTimerWhateverIsUnanswered() {
    String key = driver.openNeed("Consultation timer").getBusinessKey();
    driver.submit(key, "Task_FrameChallenge", driver.framing(List.of("sam", "sofia")));
    assertThat(driver.openTasks(key)).containsExactly("Task_GiveConsultationInput@sam", "Task_GiveConsultationInput@sofia");
    driver.submit(key, "Task_GiveConsultationInput", "sam", CaseDriver.form("stance", "SUPPORT", "input", "Yes."));

    driver.fireTimer(key, "Timer_ConsultationWindowClosed");

    BpmnAwareTests.assertThat(driver.phase(key, "needOpening")).isWaitingAt("Task_ConsolidateConsultation");
    assertThat(driver.openTasks(key)).containsExactly("Task_ConsolidateConsultation");
    assertThat(need.consultationInputs(key)).extracting(NeedService.ConsultationInput::stakeholder)
        .containsExactly("sam");
  }

  @Test
  void aRefusedSubmissionNamesTheProblemAndChangesNothing() {
    String key = driver.openNeed("Refusals").getBusinessKey();
    var bad = driver.framing(List.of("olivia"));
    bad.put("challengeQuestion", "");
    bad.put("consultationDays", 400);
    bad.put("indicators", org.openchallenge.platform.FormData.json(List.of(java.util.Map.of("name", "x", "unit", "u",
        "baseline", "low", "target", 1, "direction", "SIDEWAYS"))));
    assertThatThrownBy(() -> driver.submit(key, "Task_FrameChallenge", bad))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Challenge question is required")
        .hasMessageContaining("Outcome indicator 1: Baseline must be a number")
        .hasMessageContaining("Outcome indicator 1: Direction must be one of INCREASE, DECREASE")
        .hasMessageContaining("olivia is not a member of the stakeholders group")
        .hasMessageContaining("Consultation window (days) must be between 1 and 90");
    assertThat(need.challenge(key)).isEmpty();
    assertThat(driver.openTasks(key)).containsExactly("Task_FrameChallenge");

    driver.frameAndConsult(key, List.of());
    assertThatThrownBy(() -> driver.approve(key, "REWORK", " "))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Comment is required");
    assertThatThrownBy(() -> driver.approve(key, "MAYBE", null))
        .hasMessageContaining("Decision must be one of PUBLISH, REWORK, WITHDRAW");
    assertThat(driver.openTasks(key)).containsExactly("Task_ApprovePublication");
    assertThat(driver.runtime.getVariable(driver.phase(key, "needOpening").getId(), "publicationDecision")).isNull();
  }

  @Test
  void formValuesStayOnTheTaskAndNeverBecomeProcessVariables() {
    String key = driver.openNeed("Local form values").getBusinessKey();
    driver.frameAndConsult(key, List.of("sam"));
    var processVariables = driver.runtime.getVariables(driver.phase(key, "needOpening").getId()).keySet();
    assertThat(processVariables).doesNotContain("challengeQuestion", "indicators", "input", "consolidation", "stance");
    assertThat(need.challenge(key).orElseThrow().indicators()).hasSize(2);
  }
}
