package org.openchallenge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The role matrix of docs/security.md, enforced through the real HTTP API as each demo user, with engine
 * authorization on: what each role may do succeeds, what it may not gets 401/403 (or does not see the object), and
 * a refused call changes nothing.
 */
@ProcessTest
class RoleMatrixTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired RepositoryService repository;


  @Test
  void jurorsSeeOnlyTheirOwnTasks() {
    String key = driver.publishedChallenge("Juror privacy");
    driver.researchWithFinding(key);
    driver.intakeWithEligibleSolutions(key);
    driver.composeJury(key);
    Task judys = driver.task(key, "Task_DeclareConflicts", "judy");
    Task jules = driver.task(key, "Task_DeclareConflicts", "jules");

    assertThat(taskIds("judy", key)).containsExactly(judys.getId());
    assertThat(taskIds("jules", key)).containsExactly(jules.getId());
    assertThat(status("judy", HttpMethod.GET, "/engine-rest/task/" + jules.getId(), null))
        .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    assertThat(status("judy", HttpMethod.GET, "/engine-rest/task/" + jules.getId() + "/form-variables", null))
        .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    assertThat(status("judy", HttpMethod.POST, "/engine-rest/task/" + jules.getId() + "/complete", Map.of()))
        .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    assertThat(driver.openTasks(key)).contains("Task_DeclareConflicts@jules");

    // Nobody else sees a juror's task either: not officials, managers, analysts, stakeholders or providers.
    for (String user : List.of("olivia", "mara", "ana", "sam", "paula")) {
      assertThat(taskIds(user, key)).as(user).isEmpty();
    }
  }

  @Test
  void nobodyReadsAJurorsScoresOrConflictsFromTheEngine() {
    String key = driver.publishedChallenge("Blind scores");
    driver.researchWithFinding(key);
    var eligible = driver.intakeWithEligibleSolutions(key);
    driver.composeJury(key);
    for (String juror : CaseDriver.JURORS) {
      driver.declareNoConflicts(key, juror);
    }
    driver.evaluate(key, "judy", id -> id == eligible.get(0).id() ? 9 : 2);

    // What judy submitted stays in the engine's history; no role but administrators may read it there.
    for (String user : List.of("olivia", "mara", "ana", "jules", "rosa", "sam", "paula")) {
      for (String variable : List.of("scores", "declarations")) {
        ResponseEntity<List> history = http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD).getForEntity(
            "/engine-rest/history/variable-instance?variableName=" + variable, List.class);
        assertThat(history.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.FORBIDDEN);
        if (history.getStatusCode() == HttpStatus.OK) {
          assertThat(history.getBody()).as(user + " reads " + variable).isEmpty();
        }
        // Running variables hold only what the open tasks show (other jurors' prefilled rows), never a score.
        assertThat(get(user, "/engine-rest/variable-instance?deserializeValues=false&variableName=" + variable)
            .getBody()).as(user + " reads the running " + variable)
            .allSatisfy(v -> assertThat(String.valueOf(v.get("value"))).doesNotContain("\"score\""));
      }
    }
    assertThat(get("admin", "/engine-rest/history/variable-instance?variableName=scores").getBody())
        .as("the check above can fail: the history holds judy's scores").isNotEmpty();
  }

  @Test
  void stakeholdersSeeOnlyTheConsultationsTheyAreInvitedTo() {
    String key = driver.openNeed("Stakeholder privacy").getBusinessKey();
    driver.submit(key, "Task_FrameChallenge", driver.framing(List.of("sam")));
    String samsTask = driver.task(key, "Task_GiveConsultationInput", "sam").getId();

    assertThat(taskIds("sam", key)).containsExactly(samsTask);
    assertThat(taskIds("sofia", key)).isEmpty();
    assertThat(status("sofia", HttpMethod.POST, "/engine-rest/task/" + samsTask + "/submit-form",
        Map.of("variables", Map.of("stance", Map.of("value", "OPPOSE"), "input", Map.of("value", "Not me.")))))
        .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
    assertThat(driver.openTasks(key)).containsExactly("Task_GiveConsultationInput@sam");
    // The city's directory is for staff: a stakeholder reads only their own user.
    assertThat(get("sam", "/engine-rest/user").getBody()).extracting(u -> u.get("id")).containsExactly("sam");
    assertThat(get("olivia", "/engine-rest/user").getBody()).hasSizeGreaterThan(10);
  }

  @Test
  void officialsAloneStartCases() {
    Map<String, Object> body = Map.of("variables", Map.of("title", Map.of("value", "Started over REST"),
        "problem", Map.of("value", "Potholes."), "publicValue", Map.of("value", "Smooth roads."),
        "department", Map.of("value", "Works"), "budgetEnvelope", Map.of("value", 1000), "currency",
        Map.of("value", "EUR"), "involvesAi", Map.of("value", false)));
    String path = "/engine-rest/process-definition/key/procurementCase/submit-form";
    long before = driver.runtime.createProcessInstanceQuery().processDefinitionKey("procurementCase").count();
    for (String user : List.of("mara", "rosa", "judy", "sam", "ana", "paula")) {
      // Forbidden, or (for whoever may not even read the definition) not found.
      assertThat(status(user, HttpMethod.POST, path, body)).as(user)
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    // Phases are started by the case, never by hand.
    assertThat(status("olivia", HttpMethod.POST, "/engine-rest/process-definition/key/research/submit-form",
        Map.of("variables", Map.of()))).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey("procurementCase").count())
        .isEqualTo(before);

    assertThat(status("olivia", HttpMethod.POST, path, body)).isEqualTo(HttpStatus.OK);
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey("procurementCase").count())
        .isEqualTo(before + 1);
  }

  @Test
  void analystsAndAdministratorsAloneDeploy() {
    long before = repository.createDeploymentQuery().count();
    for (String user : List.of("olivia", "mara", "rosa", "judy", "sam", "paula")) {
      assertThat(deploy(user, "sketch-" + user, sketch("Process_Sketch")).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);

    ResponseEntity<Map> deployed = deploy("ana", "sketch-ana", sketch("Process_AnalystSketch"));
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    repository.deleteDeployment(deployed.getBody().get("id").toString(), true);
  }

  @Test
  void aModelWithAnExternalEntityIsRefused() {
    String xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        """ + sketch("Process_Xxe").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "")
        .replace("name=\"Sketch\"", "name=\"&secret;\"");
    ResponseEntity<Map> refused = deploy("ana", "xxe-attempt", xxe);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).doesNotContain("root:");
    assertThat(repository.createDeploymentQuery().deploymentName("xxe-attempt").count()).isZero();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_Xxe").count()).isZero();
  }

  @Test
  void eachRoleReachesOnlyItsWebapps() {
    Map<String, List<String>> allowed = Map.of(
        "olivia", List.of("tasklist"), "mara", List.of("tasklist", "cockpit"), "rosa", List.of("tasklist"),
        "jules", List.of("tasklist"), "sofia", List.of("tasklist"), "ana", List.of("cockpit"),
        "pedro", List.of(), "admin", List.of("tasklist", "cockpit", "admin"));
    HttpHeaders withoutToken = webappSession();
    withoutToken.remove("X-XSRF-TOKEN");
    assertThat(login("rosa", "tasklist", withoutToken)).as("login without the CSRF token")
        .isEqualTo(HttpStatus.FORBIDDEN);

    allowed.forEach((user, apps) -> {
      for (String app : List.of("tasklist", "cockpit", "admin")) {
        HttpStatus expected = apps.contains(app) ? HttpStatus.OK : HttpStatus.FORBIDDEN;
        assertThat(webappLogin(user, app)).as(user + " in " + app).isEqualTo(expected);
      }
    });
  }

  @Test
  void managersMoveTimersAndAnalystsOnlyRead() {
    String key = driver.openNeed("Timer permissions").getBusinessKey();
    driver.submit(key, "Task_FrameChallenge", driver.framing(List.of("sam")));
    String consultation = driver.phase(key, "needOpening").getId();
    String jobId = driver.management.createJobQuery().processInstanceId(consultation).singleResult().getId();
    java.util.Date due = driver.management.createJobQuery().jobId(jobId).singleResult().getDuedate();
    Map<String, Object> now = Map.of("duedate", "2026-01-01T00:00:00.000+0000");

    assertThat(get("ana", "/engine-rest/job?processInstanceId=" + consultation).getBody()).hasSize(1);
    for (String user : List.of("ana", "olivia", "judy", "sam", "paula")) {
      assertThat(status(user, HttpMethod.PUT, "/engine-rest/job/" + jobId + "/duedate", now)).as(user)
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    assertThat(driver.management.createJobQuery().jobId(jobId).singleResult().getDuedate()).isEqualTo(due);
    assertThat(status("mara", HttpMethod.PUT, "/engine-rest/job/" + jobId + "/duedate", now))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.management.createJobQuery().jobId(jobId).singleResult().getDuedate()).isBefore(due);
  }

  // ------------------------------------------------------------------ helpers

  private List<String> taskIds(String user, String businessKey) {
    return get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey).getBody().stream()
        .map(t -> t.get("id").toString()).toList();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private ResponseEntity<List<Map<String, Object>>> get(String user, String path) {
    ResponseEntity<List> response = http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD).getForEntity(path, List.class);
    assertThat(response.getStatusCode()).as("GET " + path + " as " + user).isEqualTo(HttpStatus.OK);
    return (ResponseEntity) response;
  }

  private HttpStatus status(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return HttpStatus.valueOf(http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value());
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> deploy(String user, String name, String bpmn) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("data", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return name + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), Map.class);
  }

  /** The webapps' own login, which checks the user's application permission (and the webapps' CSRF token). */
  private HttpStatus webappLogin(String user, String app) {
    HttpHeaders session = webappSession();
    return login(user, app, session);
  }

  /** A fresh webapp session: its cookies, and the CSRF token the webapps hand out with them. */
  private HttpHeaders webappSession() {
    List<String> cookies = http.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
        .get(HttpHeaders.SET_COOKIE);
    HttpHeaders headers = new HttpHeaders();
    for (String cookie : cookies) {
      String pair = cookie.split(";", 2)[0];
      headers.add(HttpHeaders.COOKIE, pair);
      if (pair.startsWith("XSRF-TOKEN=")) {
        headers.add("X-XSRF-TOKEN", pair.substring("XSRF-TOKEN=".length()));
      }
    }
    return headers;
  }

  private HttpStatus login(String user, String app, HttpHeaders headers) {
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", RoleSetup.DEMO_PASSWORD);
    return HttpStatus.valueOf(http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class).getStatusCode().value());
  }

  private static String sketch(String processId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://openchallenge.org/sketch">
          <process id="%s" name="Sketch" isExecutable="true" camunda:historyTimeToLive="P30D">
            <startEvent id="StartEvent_Sketched"/>
          </process>
        </definitions>
        """.formatted(processId);
  }
}
