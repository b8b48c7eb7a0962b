package org.openchallenge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** An AI system bought gets a public algorithm register record before monitoring starts; other cases do not. */
@ProcessTest
class AlgorithmRegisterTest {

  @Autowired CaseDriver driver;
  @Autowired TestRestTemplate http;

  @Test
  void anAiCaseRecordsItsAlgorithmRegisterEntryAndPublishesIt() {
    String definitionId = driver.repository.createProcessDefinitionQuery().processDefinitionKey("procurementCase")
        .latestVersion().singleResult().getId();
    Map<String, Object> need = CaseDriver.needForm("Predictive pothole repair");
    need.put("involvesAi", true);
    String key = driver.forms.submitStartForm(definitionId, need).getBusinessKey();
    driver.frameAndConsult(key, List.of());
    driver.approve(key, "PUBLISH", null);
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.confirmAndContract(key);
    BpmnAwareTests.assertThat(driver.phase(key, "awardContract")).isWaitingAt("Task_RecordAlgorithmRegister");
    String taskId = driver.task(key, "Task_RecordAlgorithmRegister", null).getId();
    assertThat(driver.tasks.getVariableLocal(taskId, "supplier")).isEqualTo("paula Ltd");

    assertThatThrownBy(() -> driver.forms.submitTaskForm(taskId, CaseDriver.form("systemName", "Pothole AI")))
        .hasMessageContaining("Purpose is required").hasMessageContaining("Human oversight is required");
    assertThat(http.getForEntity("/api/public/algorithm-register/" + key, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    driver.forms.submitTaskForm(taskId, CaseDriver.form("systemName", "Pothole AI", "purpose",
        "Predicts which roads will crack next winter; crews decide.", "dataUsed", "Road sensor data, weather.",
        "humanOversight", "The roads team reviews every prediction.", "risks", "Poorer districts under-sensed.",
        "mitigations", "Quarterly coverage audit.", "contact", "roads@city.example"));
    Map<String, Object> record = http.getForEntity("/api/public/algorithm-register/" + key, Map.class).getBody();
    assertThat(record).containsEntry("systemName", "Pothole AI").containsEntry("supplier", "paula Ltd")
        .containsEntry("humanOversight", "The roads team reviews every prediction.");
    assertThat(http.getForEntity("/api/public/algorithm-register", String.class).getBody()).contains(key);
    assertThat(http.getForEntity("/api/public/challenges/" + key + "/timeline?limit=1000", String.class).getBody())
        .contains("register.recorded", "Predicts which roads will crack");
    BpmnAwareTests.assertThat(driver.phase(key, "procurementCase")).isWaitingAt("CallActivity_ImpactMonitoring");

    // Each reporting period adds the AI review to the officials' work; it is published with the register record.
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    BpmnAwareTests.assertThat(driver.phase(key, "impactMonitoring")).isWaitingAt("Task_ReviewAiSystem",
        "Task_FileMonitoringReport");
    String review = driver.task(key, "Task_ReviewAiSystem", null).getId();
    assertThat(driver.tasks.getVariableLocal(review, "systemName")).isEqualTo("Pothole AI");
    assertThatThrownBy(() -> driver.forms.submitTaskForm(review, CaseDriver.form("biasReview", "Checked.")))
        .hasMessageContaining("Performance review is required").hasMessageContaining("Human oversight is required");
    driver.forms.submitTaskForm(review, CaseDriver.form("biasReview", "Coverage per district compared: even.",
        "performanceReview", "82% of predicted cracks confirmed.", "incidents", "None",
        "oversightEffective", "YES", "oversightNotes", "Sampled 20 crew decisions; all reviewed the prediction."));
    List<?> reviews = http.getForObject("/api/public/algorithm-register/" + key + "/reviews", List.class);
    assertThat(reviews).singleElement().asString().contains("period=1", "oversightEffective=true",
        "82% of predicted cracks confirmed.");
    BpmnAwareTests.assertThat(driver.phase(key, "impactMonitoring")).hasPassed("EndEvent_AiReviewed");
    driver.fileReport(key, 30, 14);
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    assertThat(driver.openTasks(key)).contains("Task_ReviewAiSystem");
  }

  @Test
  void aCaseWithoutAiGoesStraightToMonitoring() {
    String key = driver.publishedChallenge("No AI here");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.confirmAndContract(key);
    BpmnAwareTests.assertThat(driver.phase(key, "procurementCase")).isWaitingAt("CallActivity_ImpactMonitoring");
    assertThat(driver.openTasks(key)).doesNotContain("Task_RecordAlgorithmRegister");
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    BpmnAwareTests.assertThat(driver.phase(key, "impactMonitoring")).hasPassed("EndEvent_NoAiReview");
    assertThat(driver.openTasks(key)).doesNotContain("Task_ReviewAiSystem");
    assertThat(http.getForEntity("/api/public/algorithm-register/" + key + "/reviews", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
