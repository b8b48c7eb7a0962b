package org.openchallenge.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class ResearchProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver driver;
  @Autowired ResearchService research;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void researchersRecordSeveralFindingsThenInviteTheirProviders() {
    String key = driver.publishedChallenge("Several findings");
    driver.recordFinding(key, "RECORD_AND_CONTINUE", "Raised crossings");
    driver.recordFinding(key, "RECORD_AND_FINISH", "Smart lights");
    var research = driver.phase(key, "research");
    BpmnAwareTests.assertThat(research).isWaitingAt("Task_InviteProviders");
    assertThat(this.research.findings(key)).hasSize(2);
    assertThat(this.research.countPerApproach(key)).containsEntry("infrastructure", 2);
  }

  @Test
  void findingNothingGoesStraightToTheBrief() {
    String key = driver.publishedChallenge("Nothing found");
    driver.recordFinding(key, "FINISH", null);
    BpmnAwareTests.assertThat(driver.phase(key, "research")).hasPassed("Gateway_SolutionsFound")
        .hasNotPassed("Task_InviteProviders").isWaitingAt("Task_WriteResearchBrief");
    assertThat(research.findings(key)).isEmpty();
  }

  @Test
  void theResearchWindowClosesOnItsTimer() {
    String key = driver.publishedChallenge("Window elapsed");
    driver.recordFinding(key, "RECORD_AND_CONTINUE", "Raised crossings");
    driver.fireTimer(key, "Timer_ResearchWindowElapsed");
    BpmnAwareTests.assertThat(driver.phase(key, "research")).isWaitingAt("Task_InviteProviders");
  }

  @Test
  void aFindingNeedsItsFieldsAndInvitationsMustBeConfirmed() {
    String key = driver.publishedChallenge("Finding rules");
    assertThatThrownBy(() -> driver.submit(key, "Task_RecordFinding",
        CaseDriver.form("nextStep", "RECORD_AND_FINISH", "title", "Only a title")))
        .hasMessageContaining("Summary is required").hasMessageContaining("Organisation type is required");
    assertThat(research.findings(key)).isEmpty();
    driver.recordFinding(key, "RECORD_AND_FINISH", "Raised crossings");
    assertThatThrownBy(() -> driver.submit(key, "Task_InviteProviders",
        CaseDriver.form("invitationMessage", "Hello", "invitationsSent", false)))
        .hasMessageContaining("Confirm that the invitations were sent");
  }
}
