package org.openchallenge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.security.RoleSetup;
import org.openchallenge.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The provider API over HTTP: submit, read, amend and withdraw, who may read what, and bad input. */
@ProcessTest
class SubmissionApiTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired IdentityService identity;
  @Autowired JdbcClient db;

  static Map<String, Object> submission(String title) {
    return CaseDriver.submissionBody(title);
  }

  String openChallenge(String title) {
    String key = driver.publishedChallenge(title);
    driver.researchWithFinding(key);
    return key;
  }

  @Test
  void aSubmissionIsReadInFullByItsProviderTheOfficialsAndTheCasesJuryOnly() {
    String key = openChallenge("Who reads a submission");
    ResponseEntity<Map> created = call("paula", HttpMethod.POST, path(key), submission("Smart <b>lights</b>"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("title", "Smart <b>lights</b>")
        .containsEntry("confidentialDetails", "Unit price 840 EUR; margin 12%.")
        .containsEntry("maturityReferences", "Utrecht since 2024").containsEntry("status", "SUBMITTED");
    String one = path(key) + "/" + created.getBody().get("id");

    assertThat(call("olivia", HttpMethod.GET, one, null).getBody())
        .containsEntry("confidentialDetails", "Unit price 840 EUR; margin 12%.");
    for (String user : List.of("pedro", "judy")) {
      assertThat(call(user, HttpMethod.GET, one, null).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
    for (String user : List.of("mara", "rosa", "sam", "ana")) {
      assertThat(call(user, HttpMethod.GET, one, null).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.getForEntity(one, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // The screening form shows the public details only: task variables are readable in Cockpit.
    Task screening = driver.tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ScreenSubmission").singleResult();
    Map<String, Object> shown = driver.tasks.getVariablesLocal(screening.getId());
    assertThat(shown).containsEntry("indicativeCost", "125000.50 EUR")
        .containsEntry("attachments", "Pilot report: https://lights.example/pilot.pdf");
    assertThat(shown.values()).noneMatch(v -> String.valueOf(v).contains("Unit price"));

    // Once judy sits on this case's jury, she reads it in full.
    driver.screen(key, (Long) driver.tasks.getVariable(screening.getId(), "submissionId"), true);
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    driver.composeJury(key);
    assertThat(call("judy", HttpMethod.GET, one, null).getBody())
        .containsEntry("confidentialDetails", "Unit price 840 EUR; margin 12%.");
  }

  @Test
  void anAmendmentReplacesTheSubmissionAndRestartsItsScreening() {
    String key = openChallenge("Amended submission");
    Map<String, Object> created = call("paula", HttpMethod.POST, path(key), submission("First version")).getBody();
    String one = path(key) + "/" + created.get("id");
    String firstTask = screeningTask(key).getId();

    Map<String, Object> changed = submission("Second version");
    changed.put("confidentialDetails", "Unit price 790 EUR.");
    ResponseEntity<Map> amended = call("paula", HttpMethod.PUT, one, changed);
    assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(amended.getBody()).containsEntry("title", "Second version").containsKey("amendedAt");
    Task secondTask = screeningTask(key);
    assertThat(secondTask.getId()).isNotEqualTo(firstTask);
    assertThat(driver.tasks.getVariableLocal(secondTask.getId(), "solutionTitle")).isEqualTo("Second version");

    // Screened, then amended again: back to SUBMITTED with a new screening.
    driver.screen(key, ((Number) created.get("id")).longValue(), true);
    assertThat(call("paula", HttpMethod.GET, one, null).getBody()).containsEntry("status", "ELIGIBLE");
    call("paula", HttpMethod.PUT, one, submission("Third version"));
    assertThat(call("paula", HttpMethod.GET, one, null).getBody()).containsEntry("status", "SUBMITTED")
        .doesNotContainKey("screeningReason");
    assertThat(driver.tasks.getVariableLocal(screeningTask(key).getId(), "solutionTitle")).isEqualTo("Third version");

    // Another provider cannot touch it, and nothing changes.
    assertThat(call("pedro", HttpMethod.PUT, one, submission("Hijacked")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call("pedro", HttpMethod.DELETE, one, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call("paula", HttpMethod.GET, one, null).getBody()).containsEntry("title", "Third version")
        .containsEntry("status", "SUBMITTED");
  }

  @Test
  void aWithdrawalEndsTheScreeningAndNothingIsChangedAfterTheDeadline() {
    String key = openChallenge("Withdrawn submission");
    Map<String, Object> created = call("paula", HttpMethod.POST, path(key), submission("Withdrawn soon")).getBody();
    String one = path(key) + "/" + created.get("id");

    ResponseEntity<Map> withdrawn = call("paula", HttpMethod.DELETE, one, null);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN").containsKey("withdrawnAt");
    assertThat(driver.openTasks(key)).isEmpty();
    assertThat(call("paula", HttpMethod.PUT, one, submission("Back")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(call("paula", HttpMethod.DELETE, one, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // A withdrawn provider may submit anew; after the deadline nothing can be made, amended or withdrawn.
    Map<String, Object> again = call("paula", HttpMethod.POST, path(key), submission("New try")).getBody();
    driver.screen(key, ((Number) again.get("id")).longValue(), true);
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    String two = path(key) + "/" + again.get("id");
    for (ResponseEntity<Map> late : List.of(call("paula", HttpMethod.PUT, two, submission("Late")),
        call("paula", HttpMethod.DELETE, two, null), call("pedro", HttpMethod.POST, path(key), submission("Late")))) {
      assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(late.getBody().get("message").toString()).contains("deadline");
    }
    assertThat(call("paula", HttpMethod.GET, two, null).getBody()).containsEntry("title", "New try")
        .containsEntry("status", "ELIGIBLE");
  }

  @Test
  void badInputIsRefusedWithTheFieldNamedAndNothingStored() {
    String key = openChallenge("Bad submissions");
    Map<String, Object> script = submission("Fine");
    script.put("attachments", List.of(Map.of("url", "javascript:alert(1)")));
    Map<String, Object> noCurrency = submission("Fine");
    noCurrency.remove("costCurrency");
    Map<String, Object> negative = submission("Fine");
    negative.put("indicativeCost", -5);
    Map<String, Object> tooMany = submission("Fine");
    tooMany.put("attachments", java.util.Collections.nCopies(11, Map.of("url", "https://x.example")));
    Map<String, Object> noReferences = submission("Fine");
    noReferences.remove("maturityReferences");
    Map<String, Object> wrongType = submission("Fine");
    wrongType.put("maturity", "MATURE");

    Map<Map<String, Object>, String> cases = Map.of(script, "url", noCurrency, "costCurrency", negative,
        "indicativeCost", tooMany, "attachments", noReferences, "maturityReferences", wrongType, "maturity: must be one of");
    cases.forEach((body, field) -> {
      ResponseEntity<Map> refused = call("paula", HttpMethod.POST, path(key), body);
      assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(field).contains(field);
    });
    assertThat(call("paula", HttpMethod.POST, "/api/challenges/PC-1999-000000/submissions", submission("Lost"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(driver.openTasks(key)).isEmpty();
    assertThat(db.sql("select count(*) from solution s join procurement_case c on c.id = s.case_id "
        + "where c.business_key = :k and s.source = 'SUBMISSION'").param("k", key).query(Long.class).single())
        .isZero();
  }

  @Test
  void twentyProvidersSubmittingAtOnceAreEachStoredOnceWithTheirScreening() throws Exception {
    String key = openChallenge("Rush of submissions");
    List<String> providers = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      String id = "rush" + i;
      if (identity.createUserQuery().userId(id).count() == 0) {
        var user = identity.newUser(id);
        user.setPassword(RoleSetup.DEMO_PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, Roles.PROVIDERS);
      }
      providers.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ResponseEntity<Map>>> results = new ArrayList<>();
    for (String provider : providers) {
      Callable<ResponseEntity<Map>> submit = () -> {
        start.await();
        return call(provider, HttpMethod.POST, path(key), submission("Solution of " + provider));
      };
      results.add(pool.submit(submit));
    }
    start.countDown();
    for (Future<ResponseEntity<Map>> result : results) {
      assertThat(result.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    pool.shutdown();

    List<String> titles = db.sql("select s.title from solution s join procurement_case c on c.id = s.case_id "
        + "where c.business_key = :k and s.source = 'SUBMISSION'").param("k", key).query(String.class).list();
    assertThat(titles).hasSize(20).doesNotHaveDuplicates();
    List<Object> screened = driver.tasks.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_ScreenSubmission").list().stream()
        .map(t -> driver.tasks.getVariable(t.getId(), "submissionId")).toList();
    assertThat(screened).hasSize(20).doesNotHaveDuplicates();
  }

  // ------------------------------------------------------------------ helpers

  static String path(String key) {
    return "/api/challenges/" + key + "/submissions";
  }

  Task screeningTask(String key) {
    return driver.task(key, "Task_ScreenSubmission", null);
  }

  @SuppressWarnings("rawtypes")
  ResponseEntity<Map> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), Map.class);
  }
}
