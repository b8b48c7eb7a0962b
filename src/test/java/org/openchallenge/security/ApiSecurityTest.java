package org.openchallenge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseService;
import org.openchallenge.cases.CaseOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Through real HTTP: who may call the engine's REST API and the application's API. */
@ProcessTest
class ApiSecurityTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired CaseService cases;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @Test
  void theEngineRestApiNeedsAValidUser() {
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // No demo user: a wrong password locks its user for a while (LoginThrottleTest), which other tests would meet.
    assertThat(http.withBasicAuth("nobody-here", "wrong").getForEntity("/engine-rest/process-definition",
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("olivia", "wrong-" + RoleSetup.DEMO_PASSWORD).getForEntity(
        "/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    identity.unlockUser("olivia");
    assertThat(http.withBasicAuth("olivia", RoleSetup.DEMO_PASSWORD)
        .getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aProviderSubmitsThroughTheApiAndIsRefusedClearly() {
    String key = driver.publishedChallenge("Submission over HTTP");
    Map<String, Object> body = Map.of("title", "Smart lights", "summary", "Adaptive lights.", "howMeetsOutcomes",
        "Fewer conflicts.", "organisationName", "Paula's Lights", "organisationType", "START_UP", "country", "NL",
        "maturity", "PILOTED");
    String path = "/api/challenges/" + key + "/submissions";

    ResponseEntity<Map> early = post("paula", path, body);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("message").toString()).contains("not open for submissions");

    driver.researchWithFinding(key);
    assertThat(post(null, path, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post("olivia", path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> bad = post("paula", path, Map.of("title", "", "country", "Netherlands"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("message").toString()).contains("title").contains("country").contains("maturity");
    assertThat(bad.getBody()).doesNotContainKey("trace");

    ResponseEntity<Map> created = post("paula", path, body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("status", "SUBMITTED");
    assertThat(post("paula", path, body).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(driver.openTasks(key)).containsExactly("Task_ScreenSubmission");
  }

  @Test
  void onlyOfficialsCancelACaseAndOnlyWithAReason() {
    String key = driver.publishedChallenge("Cancellation over HTTP");
    String path = "/api/cases/" + key + "/cancellation";
    assertThat(post("mara", path, Map.of("reason", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("olivia", path, Map.of("reason", " ")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("olivia", "/api/cases/PC-1999-000000/cancellation", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(cases.require(key).outcome()).isNull();

    ResponseEntity<Map> cancelled = post("olivia", path, Map.of("reason", "Budget moved."));
    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cases.require(key).outcome()).isEqualTo(CaseOutcome.CANCELLED);
    assertThat(post("olivia", path, Map.of("reason", "Again.")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aRefusedTaskFormAnswers400WithTheProblemAndTheTaskStaysOpen() {
    String key = driver.openNeed("Refused over HTTP").getBusinessKey();
    String taskId = driver.task(key, "Task_FrameChallenge", null).getId();
    ResponseEntity<Map> refused = post("olivia", "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("challengeQuestion", Map.of("value", ""))));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("Challenge question is required");
    assertThat(driver.openTasks(key)).containsExactly("Task_FrameChallenge");
  }

  @Test
  void anOversizedBodyIsRefusedAndNothingIsStored() {
    String key = driver.publishedChallenge("Oversized submission");
    driver.researchWithFinding(key);
    Map<String, Object> body = Map.of("title", "Huge", "summary", "x".repeat(2 * 1024 * 1024), "howMeetsOutcomes",
        "Somehow.", "organisationName", "Big Corp", "organisationType", "COMPANY", "country", "NL",
        "maturity", "IDEA");
    ResponseEntity<Map> refused = post("paula", "/api/challenges/" + key + "/submissions", body);
    assertThat(refused.getStatusCode().value()).isEqualTo(413);
    assertThat(refused.getBody().get("message").toString()).contains("exceeds");
    assertThat(driver.openTasks(key)).isEmpty();
  }

  @Test
  void thePublicApiAnswersAnonymousReadsOnly() {
    assertThat(http.getForEntity("/api/public/no-such-thing", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(null, "/api/public/no-such-thing", Map.of()).getStatusCode())
        .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    assertThat(post("olivia", "/api/public/no-such-thing", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD);
    return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }
}
