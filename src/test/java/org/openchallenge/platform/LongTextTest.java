package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Through HTTP: text longer than the engine's 4000-character text column no longer sticks a case. Two long
 * consultation answers make the consolidation form's prefilled text exceed it; the engine stores it as a byte array,
 * Tasklist still reads a String, history keeps it, and the case moves on.
 */
@ProcessTest
class LongTextTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired HistoryService history;

  @Test
  void twoLongConsultationAnswersReachTheConsolidationFormAndTheCaseMovesOn() {
    String key = driver.openNeed("Long consultation answers").getBusinessKey();
    driver.submit(key, "Task_FrameChallenge", driver.framing(List.of("sam", "sofia")));
    String samSays = "Sam: " + "the crossing needs light. ".repeat(84);     // 2,105 characters
    String sofiaSays = "Sofia: " + "school routes first, ünd ☂. ".repeat(75); // 2,107 characters
    assertThat(samSays.length()).isGreaterThan(2100);
    answer(key, "sam", samSays);
    answer(key, "sofia", sofiaSays);

    Task consolidation = driver.task(key, "Task_ConsolidateConsultation", null);
    ResponseEntity<Map<String, Map<String, Object>>> variables = http.withBasicAuth("olivia",
            RoleSetup.DEMO_PASSWORD).exchange("/engine-rest/task/" + consolidation.getId() + "/form-variables",
        HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> shown = variables.getBody().get("consultationInputs");
    assertThat(shown.get("type")).isEqualTo("String");
    assertThat(shown.get("value").toString()).hasSizeGreaterThan(4000).contains(samSays.strip()).contains(sofiaSays.strip());

    // Tasklist sends the read-only text back with the submission.
    ResponseEntity<String> done = post("olivia", "/engine-rest/task/" + consolidation.getId() + "/submit-form",
        Map.of("variables", Map.of("consultationInputs", Map.of("value", shown.get("value")),
            "consolidation", Map.of("value", "Lighting and school routes added."))));
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.openTasks(key)).containsExactly("Task_ApprovePublication");

    HistoricVariableInstance kept = history.createHistoricVariableInstanceQuery().taskIdIn(consolidation.getId())
        .variableName("consultationInputs").singleResult();
    assertThat(kept.getTypeName()).isEqualTo("string");
    assertThat(kept.getValue()).isEqualTo(shown.get("value"));
  }

  @Test
  void aVariableGrowsPastTheColumnAndShrinksBackWithoutLosingAnything() {
    String key = driver.openNeed("Long variable round trip").getBusinessKey();
    String taskId = driver.task(key, "Task_FrameChallenge", null).getId();
    String longText = "Ω".repeat(4001) + "\uD83D\uDE00";
    for (String value : new String[] {longText, "short again", longText + longText, ""}) {
      driver.tasks.setVariableLocal(taskId, "reworkComment", value);
      assertThat(driver.tasks.getVariableLocal(taskId, "reworkComment")).isEqualTo(value);
    }
    assertThat(history.createHistoricDetailQuery().taskId(taskId).variableUpdates().list().stream()
        .filter(d -> "reworkComment".equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
            .getVariableName()))
        .map(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()).toList())
        .contains(longText, "short again", longText + longText);
    // Queries on short strings still use the engine's own column.
    assertThat(driver.tasks.createTaskQuery().taskId(taskId).taskVariableValueEquals("reworkComment", "").count())
        .isEqualTo(1);
  }

  private void answer(String key, String stakeholder, String text) {
    Task task = driver.task(key, "Task_GiveConsultationInput", stakeholder);
    ResponseEntity<String> answered = post(stakeholder, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of("stance", Map.of("value", "SUPPORT_WITH_CHANGES"), "input", Map.of("value", text))));
    assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
