package org.openchallenge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Through real HTTP, as the demo users: what the engine's API lets each role change beyond its own work. Every
 * refusal here was an accepted forgery before EngineApiGuard: a stakeholder ending a case by a form field, a juror
 * handing her task to another, a manager rewriting a running case.
 */
@ProcessTest
class EngineApiGuardTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired IdentityService identity;
  @Autowired JdbcClient db;

  // ------------------------------------------------------------------ forged process state (item 1)

  @Test
  void aFormSubmissionCarriesOnlyTheFieldsOfItsForm() {
    String key = consultingSam("Forged gateway flag");
    Task consultation = driver.task(key, "Task_GiveConsultationInput", "sam");
    String submit = "/engine-rest/task/" + consultation.getId() + "/submit-form";

    for (String path : List.of(submit, "/engine-rest/task/" + consultation.getId() + "/complete")) {
      ResponseEntity<Map> forged = call("sam", HttpMethod.POST, path, Map.of("variables", Map.of(
          "stance", value("SUPPORT"), "input", value("Fine."), "juryQuorumReached", value(true))));
      assertThat(forged.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(forged.getBody().get("message").toString()).contains("juryQuorumReached")
          .contains("stance").contains("input");
    }
    // A serialized Java object or a nested object where a form sends a value is refused too.
    assertThat(call("sam", HttpMethod.POST, submit, Map.of("variables", Map.of("input",
        Map.of("value", "rO0AB", "type", "Object")))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call("sam", HttpMethod.POST, submit, Map.of("variables", Map.of("input",
        Map.of("value", Map.of("nested", true))))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(driver.openTasks(key)).contains("Task_GiveConsultationInput@sam");
    assertThat(variables(key, "juryQuorumReached")).isEmpty();

    ResponseEntity<Map> honest = call("sam", HttpMethod.POST, submit, Map.of("variables", Map.of(
        "stance", value("SUPPORT"), "input", value("Fine."))));
    assertThat(honest.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.openTasks(key)).doesNotContain("Task_GiveConsultationInput@sam");
  }

  @Test
  void startingACaseCarriesOnlyTheStartFormsFields() {
    String start = "/engine-rest/process-definition/key/procurementCase/";
    Map<String, Object> need = new java.util.HashMap<>();
    CaseDriver.needForm("Forged start").forEach((k, v) -> need.put(k, value(v)));

    Map<String, Object> forged = new java.util.HashMap<>(need);
    forged.put("contractTerminated", value(true));
    ResponseEntity<Map> refused = call("olivia", HttpMethod.POST, start + "submit-form", Map.of("variables", forged));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("contractTerminated");
    assertThat(call("olivia", HttpMethod.POST, start + "start", Map.of("variables", need,
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Anything"))))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call("olivia", HttpMethod.POST, start + "submit-form", Map.of("variables", need,
        "businessKey", "PC-1999-000001")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey("procurementCase")
        .variableValueEquals("title", "Forged start").count()).isZero();

    assertThat(call("olivia", HttpMethod.POST, start + "submit-form", Map.of("variables", need)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void badJsonIsRefusedWith400NotAnEngineError() {
    String key = driver.openNeed("Bad JSON").getBusinessKey();
    Task framing = driver.task(key, "Task_FrameChallenge", null);
    String submit = "/engine-rest/task/" + framing.getId() + "/submit-form";

    List<String> bodies = List.of("null", "", "{\"variables\": ", "[]",
        "{\"variables\":{\"constraints\":{\"value\":\"a\"},\"constraints\":{\"value\":\"b\"}}}",
        "{\"variables\":{\"indicators\":{\"type\":\"Json\",\"value\":\"[NaN]\"}}}",
        "{\"variables\":{\"indicators\":{\"type\":\"Json\",\"value\":\"" + "[".repeat(3000) + "]".repeat(3000)
            + "\"}}}",
        "{\"variables\":{\"indicators\":{\"type\":\"Json\",\"value\":\"[{\\\"name\\\": \"}}}");
    for (String body : bodies) {
      ResponseEntity<Map> refused = raw("olivia", submit, body);
      assertThat(refused.getStatusCode()).as(body.length() > 60 ? body.substring(0, 60) : body)
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).containsKey("message");
    }
    assertThat(driver.openTasks(key)).containsExactly("Task_FrameChallenge");
  }

  @Test
  void variablesMessagesAndSignalsAreAdministratorsOnly() {
    String key = consultingSam("Variable writes");
    Task consultation = driver.task(key, "Task_GiveConsultationInput", "sam");
    String task = "/engine-rest/task/" + consultation.getId();
    String instance = "/engine-rest/process-instance/" + consultation.getProcessInstanceId();

    assertThat(call("sam", HttpMethod.PUT, task + "/variables/contractTerminated", value(true)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("sam", HttpMethod.POST, task + "/variables", Map.of("modifications",
        Map.of("contractTerminated", value(true)))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("sam", HttpMethod.PUT, task + "/localVariables/input", value("x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("olivia", HttpMethod.POST, "/engine-rest/message", Map.of("messageName", "Message_Cancel",
        "processVariables", Map.of("contractTerminated", value(true)))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("paula", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("mara", HttpMethod.PUT, instance + "/variables/juryQuorumReached", value(true))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(variables(key, "contractTerminated")).isEmpty();
    assertThat(variables(key, "juryQuorumReached")).isEmpty();

    // Administrators may, and what they do by hand is published.
    assertThat(call("admin", HttpMethod.PUT, task + "/localVariables/note", value("checked")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(interventions(key)).contains("PUT task/{id}/localVariables/note");
  }

  // ------------------------------------------------------------------ personal tasks (item 2)

  @Test
  void aPersonalTaskStaysWithItsHolderUnlessAnAdministratorMovesIt() {
    String key = consultingSam("Personal task");
    Task consultation = driver.task(key, "Task_GiveConsultationInput", "sam");
    String task = "/engine-rest/task/" + consultation.getId();

    assertThat(call("sam", HttpMethod.POST, task + "/assignee", Map.of("userId", "sofia")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("sam", HttpMethod.POST, task + "/delegate", Map.of("userId", "sofia")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("sam", HttpMethod.POST, task + "/identity-links", Map.of("groupId", "stakeholders",
        "type", "candidate")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("sam", HttpMethod.POST, task + "/unclaim", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("olivia", HttpMethod.POST, task + "/claim", Map.of("userId", "olivia")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(driver.tasks.createTaskQuery().taskId(consultation.getId()).singleResult().getAssignee())
        .isEqualTo("sam");
    assertThat(driver.tasks.getIdentityLinksForTask(consultation.getId()))
        .noneMatch(l -> "stakeholders".equals(l.getGroupId()));

    // The engine itself gives an assignee only TASK_WORK: no reassigning even through the Java API as sam.
    identity.setAuthentication("sam", List.of(Roles.STAKEHOLDERS));
    try {
      assertThatThrownBy(() -> driver.tasks.setAssignee(consultation.getId(), "sofia"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }

    assertThat(call("admin", HttpMethod.POST, task + "/assignee", Map.of("userId", "sofia")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.tasks.createTaskQuery().taskId(consultation.getId()).singleResult().getAssignee())
        .isEqualTo("sofia");
    assertThat(interventions(key)).contains("POST task/{id}/assignee");
  }

  @Test
  void officialsClaimAndUnclaimOnlyTheirQueuesTasksForThemselves() {
    String key = driver.openNeed("Queue claims").getBusinessKey();
    Task framing = driver.task(key, "Task_FrameChallenge", null);
    String task = "/engine-rest/task/" + framing.getId();

    assertThat(call("olivia", HttpMethod.POST, task + "/claim", Map.of("userId", "oscar")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("mara", HttpMethod.POST, task + "/claim", Map.of("userId", "mara")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("olivia", HttpMethod.POST, task + "/claim", Map.of("userId", "olivia")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(call("olivia", HttpMethod.POST, task + "/unclaim", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.tasks.createTaskQuery().taskId(framing.getId()).singleResult().getAssignee()).isNull();
    // Handing it to a colleague of the queue's group, never outside it.
    assertThat(call("olivia", HttpMethod.POST, task + "/assignee", Map.of("userId", "sam")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("olivia", HttpMethod.POST, task + "/assignee", Map.of("userId", "oscar")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.tasks.createTaskQuery().taskId(framing.getId()).singleResult().getAssignee())
        .isEqualTo("oscar");
    // The public ledger names the official who acted by full name, never by the login an attacker could aim at.
    assertThat(call("oscar", HttpMethod.POST, task + "/submit-form", Map.of("variables", framingVariables()))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    List<String> published = db.sql("select public_data from ledger_entry where case_key = ? and kind = "
        + "'task.completed'").param(key).query(String.class).list();
    assertThat(published).anyMatch(d -> d.contains("\"actor\":\"Oscar Official\""))
        .noneMatch(d -> d.contains("\"oscar\""));
  }

  // ------------------------------------------------------------------ managers (item 3)

  @Test
  void managersMoveTimersButOnlyAdministratorsRewriteRunningCases() {
    String key = consultingSam("Manager limits");
    String consultation = driver.phase(key, "needOpening").getId();
    String instance = "/engine-rest/process-instance/" + consultation;

    assertThat(call("mara", HttpMethod.POST, instance + "/modification", Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ApprovePublication"))))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("mara", HttpMethod.PUT, instance + "/suspended", Map.of("suspended", true)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("mara", HttpMethod.PUT, "/engine-rest/process-instance/suspended",
        Map.of("processInstanceIds", List.of(consultation), "suspended", true)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("mara", HttpMethod.DELETE, instance, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(driver.runtime.createProcessInstanceQuery().processInstanceId(consultation).singleResult()
        .isSuspended()).isFalse();
    assertThat(driver.openTasks(key)).containsExactly("Task_GiveConsultationInput@sam");

    String jobId = driver.management.createJobQuery().processInstanceId(consultation).singleResult().getId();
    assertThat(call("mara", HttpMethod.PUT, "/engine-rest/job/" + jobId + "/duedate",
        Map.of("duedate", "2026-01-01T00:00:00.000+0000")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(call("admin", HttpMethod.PUT, instance + "/suspended", Map.of("suspended", true)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(call("admin", HttpMethod.PUT, instance + "/suspended", Map.of("suspended", false)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(interventions(key)).containsSubsequence("PUT process-instance/{id}/suspended",
        "PUT process-instance/{id}/suspended");
    // The public feed says what an administrator did to the case, not to which object.
    assertThat(db.sql("select public_data from ledger_entry where kind = 'engine.intervention' and case_key = ?")
        .param(key).query(String.class).list()).allMatch(d -> d.contains("operation") && !d.contains(consultation));
  }

  // ------------------------------------------------------------------ metrics, signals, directory, Cockpit (item 6)

  @Test
  void metricsGroupsAndCockpitsPluginsStayWithTheirRoles() {
    assertThat(call("paula", HttpMethod.GET, "/engine-rest/metrics/activity-instance-start/sum", null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("mara", HttpMethod.GET, "/engine-rest/metrics/activity-instance-start/sum", null)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call("sam", HttpMethod.GET, "/engine-rest/identity/groups?userId=olivia", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("sam", HttpMethod.GET, "/engine-rest/identity/groups?userId=sam", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
    assertThat(webappGet("sam", "tasklist", statistics)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappGet("olivia", "tasklist", statistics)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappGet("mara", "cockpit", statistics)).isEqualTo(HttpStatus.OK);
  }

  @Test
  void tasklistsOwnEngineApiIsHeldToTheSameRules() {
    String key = consultingSam("Forged in Tasklist");
    Task consultation = driver.task(key, "Task_GiveConsultationInput", "sam");
    HttpHeaders session = webappSession("sam", "tasklist");
    session.setContentType(MediaType.APPLICATION_JSON);
    String engine = "/camunda/api/engine/engine/default/task/" + consultation.getId();

    ResponseEntity<Map> forged = http.exchange(engine + "/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of(
        "variables", Map.of("stance", value("SUPPORT"), "input", value("Fine."), "contractTerminated",
            value(true))), session), Map.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(forged.getBody().get("message").toString()).contains("contractTerminated");
    assertThat(http.exchange(engine + "/assignee", HttpMethod.POST, new HttpEntity<>(Map.of("userId", "sofia"),
        session), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(driver.openTasks(key)).containsExactly("Task_GiveConsultationInput@sam");

    ResponseEntity<Map> honest = http.exchange(engine + "/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of(
        "variables", Map.of("stance", value("SUPPORT"), "input", value("Fine."))), session), Map.class);
    assertThat(honest.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // A second submission of the same form, as from a stale Tasklist tab: 409, through the webapps' mapper.
    ResponseEntity<Map> again = http.exchange(engine + "/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of(
        "variables", Map.of()), session), Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  // ------------------------------------------------------------------ races (item 13)

  @Test
  void theLoserOfARaceForATaskGets409WithAPlainMessage() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      keys.add(driver.openNeed("Race " + i).getBusinessKey());
    }
    Map<String, Object> framing = framingVariables();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String key : keys) {
        String path = "/engine-rest/task/" + driver.task(key, "Task_FrameChallenge", null).getId() + "/submit-form";
        CountDownLatch ready = new CountDownLatch(2);
        List<Future<ResponseEntity<String>>> racers = new ArrayList<>();
        for (String official : List.of("olivia", "oscar")) {
          racers.add(pool.submit(() -> {
            ready.countDown();
            ready.await(10, TimeUnit.SECONDS);
            return callText(official, path, Map.of("variables", framing));
          }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<ResponseEntity<String>> racer : racers) {
          ResponseEntity<String> answer = racer.get(60, TimeUnit.SECONDS);
          statuses.add(answer.getStatusCode().value());
          if (answer.getStatusCode().value() != 204) {
            assertThat(answer.getBody()).contains("already completed by someone else")
                .doesNotContainIgnoringCase("sql").doesNotContain("Exception:").doesNotContain("org.");
          }
        }
        assertThat(statuses).as(key).containsExactlyInAnyOrder(204, 409);
        assertThat(db.sql("select count(*) from challenge c join procurement_case p on p.id = c.case_id "
            + "where p.business_key = ?").param(key).query(Long.class).single()).isEqualTo(1L);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondSubmissionAfterCompletionIs409AndAnUnknownTaskIs404() {
    String key = driver.openNeed("Late submission").getBusinessKey();
    Task framing = driver.task(key, "Task_FrameChallenge", null);
    driver.submit(key, "Task_FrameChallenge", driver.framing(List.of("sam")));
    ResponseEntity<Map> late = call("oscar", HttpMethod.POST, "/engine-rest/task/" + framing.getId()
        + "/submit-form", Map.of("variables", Map.of()));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("message").toString()).contains("already completed by someone else");
    assertThat(call("oscar", HttpMethod.POST, "/engine-rest/task/no-such-task/complete", Map.of())
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // ------------------------------------------------------------------ helpers

  private String consultingSam(String title) {
    String key = driver.openNeed(title).getBusinessKey();
    driver.submit(key, "Task_FrameChallenge", driver.framing(List.of("sam")));
    return key;
  }

  /** The framing form as Tasklist submits it: values untyped, lists as Json text. */
  private Map<String, Object> framingVariables() {
    Map<String, Object> framing = new java.util.HashMap<>();
    driver.framing(List.of("sam")).forEach((k, v) -> framing.put(k, v instanceof org.camunda.bpm.engine.variable
        .value.TypedValue typed ? Map.of("type", "Json", "value", typed.getValue().toString()) : value(v)));
    return framing;
  }

  private List<?> variables(String key, String name) {
    String[] instances = driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
        .map(p -> p.getId()).toArray(String[]::new);
    return driver.runtime.createVariableInstanceQuery().variableName(name).processInstanceIdIn(instances).list();
  }

  private List<String> interventions(String key) {
    return db.sql("select subject from ledger_entry where kind = 'engine.intervention' and case_key = ? "
        + "order by position").param(key).query(String.class).list();
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), Map.class);
  }

  private ResponseEntity<String> callText(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> raw(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  /** A GET in a webapp session of this user, logged in to this webapp. */
  private HttpStatus webappGet(String user, String app, String path) {
    return HttpStatus.valueOf(http.exchange(path, HttpMethod.GET, new HttpEntity<>(webappSession(user, app)),
        String.class).getStatusCode().value());
  }

  /** The cookies and CSRF token of a webapp session of this user, logged in to this webapp. */
  private HttpHeaders webappSession(String user, String app) {
    Map<String, String> cookies = new java.util.LinkedHashMap<>();
    http.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
        .getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> keep(cookies, c));
    HttpHeaders login = headers(cookies);
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", RoleSetup.DEMO_PASSWORD);
    ResponseEntity<String> answer = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, login), String.class);
    assertThat(answer.getStatusCode()).as(user + " logs in to " + app).isEqualTo(HttpStatus.OK);
    answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> keep(cookies, c));
    // The login renews the session; the webapps hand out its CSRF token on the next page.
    http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(headers(cookies)), String.class)
        .getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> keep(cookies, c));
    return headers(cookies);
  }

  private static void keep(Map<String, String> cookies, String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
  }

  private static HttpHeaders headers(Map<String, String> cookies) {
    HttpHeaders headers = new HttpHeaders();
    cookies.forEach((name, value) -> headers.add(HttpHeaders.COOKIE, name + "=" + value));
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return headers;
  }
}
