package org.openchallenge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseOutcome;
import org.openchallenge.cases.CaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One case from need to closure with engine authorization on, every step taken through the HTTP API by the user
 * whose job it is: each finds their task by querying as themselves, reads its form and submits it. The only thing the
 * test does itself is run a timer's job once a manager has moved it to now, as the job executor (off in tests) would.
 */
@ProcessTest
class AuthorizedLifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired CaseService cases;

  @Test
  void theRightUsersCarryACaseThroughEveryPhase() throws Exception {
    Map<String, Object> started = call("olivia", HttpMethod.POST,
        "/engine-rest/process-definition/key/procurementCase/submit-form",
        Map.of("variables", variables(CaseDriver.needForm("Cool school yards"))), Map.class, HttpStatus.OK);
    String key = started.get("businessKey").toString();

    complete("olivia", key, "Task_FrameChallenge", CaseDriver.form("challengeQuestion", "How might yards cool down?",
        "indicators", List.of(Map.of("name", "Yard surface temperature", "unit", "°C", "baseline", 45, "target", 35,
            "direction", "DECREASE")),
        "stakeholders", List.of("sam"), "consultationDays", 7, "researchMonths", 2, "intakeWeeks", 4));
    complete("sam", key, "Task_GiveConsultationInput", Map.of("stance", "SUPPORT", "input", "Plant trees."));
    complete("olivia", key, "Task_ConsolidateConsultation", Map.of("consolidation", "Trees added."));
    complete("mara", key, "Task_ApprovePublication", Map.of("decision", "PUBLISH"));

    complete("rosa", key, "Task_RecordFinding", Map.of("nextStep", "RECORD_AND_FINISH", "title", "Green roofs",
        "summary", "Shade from green structures.", "organisationName", "Groen", "organisationType", "NGO",
        "approach", "nature-based", "foundWhere", "Rotterdam", "providerContact", "hi@groen.example"));
    complete("rosa", key, "Task_InviteProviders", Map.of("invitationMessage", "Please submit.",
        "invitationsSent", true));
    complete("rosa", key, "Task_WriteResearchBrief", Map.of("landscape", "Nature-based and technical."));

    for (String provider : List.of("paula", "pedro")) {
      call(provider, HttpMethod.POST, "/api/challenges/" + key + "/submissions", Map.of("title", provider + "'s shade",
          "summary", "Shade sails.", "howMeetsOutcomes", "Cooler surfaces.", "organisationName", provider + " BV",
          "organisationType", "SME", "country", "BE", "maturity", "PROTOTYPE"), Map.class, HttpStatus.CREATED);
    }
    for (int i = 0; i < 2; i++) {
      complete("olivia", key, "Task_ScreenSubmission", Map.of("eligibility", "ELIGIBLE",
          "screeningReason", "Meets the outcomes."));
    }
    passTimer(key, "solutionIntake", "Event_IntakeDeadlinePassed");

    complete("olivia", key, "Task_ComposeJury", CaseDriver.form("members", CaseDriver.defaultJury()));
    for (String juror : List.of("judy", "jules", "jonas")) {
      String declare = taskOf(juror, key, "Task_DeclareConflicts");
      List<Map<String, Object>> declarations = rows(juror, declare, "declarations");
      declarations.forEach(row -> row.put("conflict", "NONE"));
      submit(juror, declare, CaseDriver.form("declarations", declarations));
    }
    Long winner = null;
    for (String juror : List.of("judy", "jules", "jonas")) {
      String evaluate = taskOf(juror, key, "Task_EvaluateSolutions");
      List<Map<String, Object>> scores = rows(juror, evaluate, "scores");
      winner = ((Number) scores.get(0).get("solutionId")).longValue();
      for (Map<String, Object> row : scores) {
        row.put("score", ((Number) row.get("solutionId")).longValue() == winner ? 8 : 6);
        row.put("justification", "Evidence from the prototype.");
      }
      submit(juror, evaluate, CaseDriver.form("scores", scores));
    }
    String decide = taskOf("olivia", key, "Task_DecideAward");
    List<Map<String, Object>> consensus = rows("olivia", decide, "consensus");
    for (int i = 0; i < consensus.size(); i++) {
      consensus.get(i).put("rank", i + 1);
      consensus.get(i).put("consensusScore", consensus.get(i).get("weightedMean"));
      consensus.get(i).put("rationale", "As scored.");
    }
    submit("olivia", decide, CaseDriver.form("consensus", consensus, "juryDecision", "AWARD",
        "awardedSolutions", List.of(String.valueOf(winner)), "decisionReason", "Highest mean score."));
    complete("mara", key, "Task_ConfirmAward", Map.of("confirmation", "CONFIRM"));
    String contract = taskOf("olivia", key, "Task_RecordContract");
    List<Map<String, Object>> targets = rows("olivia", contract, "targets");
    submit("olivia", contract, CaseDriver.form("supplier", "Shade BV", "contractValue", 90000, "currency", "EUR",
        "startDate", CaseDriver.CONTRACT_START.toString(), "endDate", CaseDriver.CONTRACT_START.plusMonths(10).toString(), "reportingMonths", 6, "targets", targets,
        "milestones", List.of()));

    passTimer(key, "impactMonitoring", "Event_ReportingPeriodElapsed");
    String report = taskOf("olivia", key, "Task_FileMonitoringReport");
    List<Map<String, Object>> measurements = rows("olivia", report, "measurements");
    measurements.forEach(row -> row.put("value", 39));
    submit("olivia", report, CaseDriver.form("measurements", measurements, "progress", "Ten yards shaded."));
    complete("sam", key, "Task_GiveStakeholderFeedback", Map.of("rating", "4", "feedbackComment", "Cooler."));
    passTimer(key, "impactMonitoring", "Timer_ContractEnded");
    complete("sam", key, "Task_AssessFinalImpact", Map.of("rating", "4", "assessmentComment", "Cooler yards."));
    complete("olivia", key, "Task_EvaluateImpact", Map.of("finalStatus", "ACHIEVED",
        "impactSummary", "Yards are 7 °C cooler."));

    assertThat(cases.require(key).outcome()).isEqualTo(CaseOutcome.CLOSED);
  }

  // ------------------------------------------------------------------ helpers

  /** The user's single open task of this kind in the case, found by querying as that user. */
  private String taskOf(String user, String key, String taskKey) {
    List<?> found = call(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=" + taskKey, null, List.class, HttpStatus.OK);
    assertThat(found).as(user + " sees one " + taskKey).isNotEmpty();
    return ((Map<?, ?>) found.get(0)).get("id").toString();
  }

  private void complete(String user, String key, String taskKey, Map<String, Object> values) {
    submit(user, taskOf(user, key, taskKey), values);
  }

  private void submit(String user, String taskId, Map<String, Object> values) {
    // Tasklist reads the form's variables before showing it; so does this user.
    call(user, HttpMethod.GET, "/engine-rest/task/" + taskId + "/form-variables", null, Map.class, HttpStatus.OK);
    call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables(values)), String.class, HttpStatus.NO_CONTENT);
  }

  /** A list the form prefilled, as the user's Tasklist receives it (serialized, as Tasklist asks for it). */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String user, String taskId, String name) throws Exception {
    Map<String, Map<String, Object>> form = call(user, HttpMethod.GET, "/engine-rest/task/" + taskId
        + "/form-variables?deserializeValues=false&variableNames=" + name, null, Map.class, HttpStatus.OK);
    Object value = form.get(name).get("value");
    List<Map<String, Object>> rows = value instanceof List<?> list ? (List<Map<String, Object>>) list
        : JSON.readValue(value.toString(), List.class);
    return new ArrayList<>(rows);
  }

  /** A manager moves the timer to now in Cockpit; the job executor (off in tests) then runs it. */
  private void passTimer(String key, String phase, String timerId) {
    String instance = driver.phase(key, phase).getId();
    String jobId = driver.management.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult()
        .getId();
    call("mara", HttpMethod.PUT, "/engine-rest/job/" + jobId + "/duedate",
        Map.of("duedate", "2026-01-01T00:00:00.000+0000"), String.class, HttpStatus.NO_CONTENT);
    driver.management.executeJob(jobId);
  }

  /** Form values as the REST API takes them: lists and objects as Json, everything else as it is. */
  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (value instanceof org.camunda.bpm.engine.variable.value.TypedValue typed) {
        variables.put(name, Map.of("type", "Json", "value", typed.getValue().toString()));
      } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
        try {
          variables.put(name, Map.of("type", "Json", "value", JSON.writeValueAsString(value)));
        } catch (Exception e) {
          throw new IllegalArgumentException(e);
        }
      } else {
        variables.put(name, Map.of("value", value));
      }
    });
    return variables;
  }

  @SuppressWarnings("unchecked")
  private <T> T call(String user, HttpMethod method, String path, Object body, Class<?> type, HttpStatus expected) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    assertThat(response.getStatusCode().value()).as(method + " " + path + " as " + user + ": " + response.getBody())
        .isEqualTo(expected.value());
    try {
      return response.getBody() == null || type == String.class ? (T) response.getBody()
          : (T) JSON.readValue(response.getBody(), type);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
