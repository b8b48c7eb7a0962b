package org.openchallenge.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.need.EvaluationCriteria;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The rules of the jury, through the forms and the engine's REST API as Tasklist uses them: refusals store nothing. */
@ProcessTest
class JuryRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CaseDriver driver;
  @Autowired JuryDriver juries;
  @Autowired BlindScoring blindScoring;
  @Autowired EvaluationCriteria criteria;
  @Autowired EvaluateSolutionsForm scoring;
  @Autowired TestRestTemplate http;

  @Test
  void criteriaWeightsMustSumToOneHundredAndArePublishedWithTheChallenge() {
    String key = driver.openNeed("Criteria weights").getBusinessKey();
    Map<String, Object> framing = driver.framing(List.of("sam"));
    framing.putAll(CaseDriver.form("criteria", List.of(Map.of("name", "Impact", "weight", 50),
        Map.of("name", "Cost", "weight", 40), Map.of("name", "impact", "weight", 0)), "scoreScale", 1));
    assertThatThrownBy(() -> driver.submit(key, "Task_FrameChallenge", framing))
        .hasMessageContaining("Evaluation criterion 3: criterion impact appears twice")
        .hasMessageContaining("Evaluation criterion 3: Weight must be between 1 and 100")
        .hasMessageContaining("Score scale (maximum score) must be between 2 and 100");
    framing.putAll(CaseDriver.form("criteria", List.of(Map.of("name", "Impact", "weight", 50),
        Map.of("name", "Cost", "weight", 40)), "scoreScale", 5));
    assertThatThrownBy(() -> driver.submit(key, "Task_FrameChallenge", framing))
        .hasMessageContaining("the weights must sum to 100 (they sum to 90)");
    assertThat(criteria.of(key).criteria()).isEmpty();

    framing.putAll(CaseDriver.form("criteria", List.of(Map.of("name", "Impact", "weight", 60),
        Map.of("name", "Cost", "weight", 40)), "scoreScale", 5));
    driver.submit(key, "Task_FrameChallenge", framing);
    assertThat(criteria.of(key)).isEqualTo(new EvaluationCriteria.Scheme(5, List.of(
        new EvaluationCriteria.Criterion(1, "Impact", 60), new EvaluationCriteria.Criterion(2, "Cost", 40))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void scoresAreRefusedWhenRecusedOutOfScaleUnjustifiedIncompleteOrSubmittedTwice() throws Exception {
    String key = driver.publishedChallenge("Scoring rules");
    driver.researchWithFinding(key);
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    long recusedFrom = eligible.get(0).id();
    driver.composeJury(key);
    List<Map<String, Object>> declarations = driver.prefilledRows(key, "Task_DeclareConflicts", "judy",
        "declarations");
    declarations.get(0).put("conflict", "CONFLICT");
    declarations.get(0).put("nature", "Shareholder");
    driver.submit(key, "Task_DeclareConflicts", "judy", CaseDriver.form("declarations", declarations));
    driver.declareNoConflicts(key, "jonas");
    driver.declareNoConflicts(key, "jules");

    // judy's form offers the solution she is not recused from, on each of the three suggested criteria.
    List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_EvaluateSolutions", "judy", "scores");
    assertThat(rows).hasSize(3).allMatch(r -> ((Number) r.get("solutionId")).longValue() == eligible.get(1).id());
    rows.forEach(r -> { r.put("score", 7); r.put("justification", "Solid."); });

    // Scoring the solution she is recused from: the form and the REST API refuse with a clear message.
    List<Map<String, Object>> sneaky = new ArrayList<>(rows);
    sneaky.add(new LinkedHashMap<>(Map.of("solutionId", recusedFrom, "criterionNo", 1, "score", 10,
        "justification", "Great")));
    assertThatThrownBy(() -> driver.submit(key, "Task_EvaluateSolutions", "judy", CaseDriver.form("scores", sneaky)))
        .hasMessageContaining("you are recused from solution " + recusedFrom
            + " (you declared a conflict of interest) and cannot score it");
    String taskId = driver.task(key, "Task_EvaluateSolutions", "judy").getId();
    ResponseEntity<String> viaApi = submitAs("judy", taskId, Map.of("scores", sneaky));
    assertThat(viaApi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readValue(viaApi.getBody(), Map.class).get("message").toString())
        .contains("you are recused from solution " + recusedFrom);

    // Out of scale, unjustified, incomplete.
    List<Map<String, Object>> bad = driver.prefilledRows(key, "Task_EvaluateSolutions", "judy", "scores");
    bad.get(0).put("score", 11);
    bad.get(0).put("justification", "Too good.");
    bad.get(1).put("score", 5);
    bad.get(1).put("justification", " ");
    assertThatThrownBy(() -> driver.submit(key, "Task_EvaluateSolutions", "judy",
        CaseDriver.form("scores", bad.subList(0, 2))))
        .hasMessageContaining("Score 1: Score must be between 0 and 10")
        .hasMessageContaining("Score 2: Justification is required");
    assertThatThrownBy(() -> driver.submit(key, "Task_EvaluateSolutions", "judy",
        CaseDriver.form("scores", rows.subList(0, 2))))
        .hasMessageContaining("score every solution you are not recused from on every criterion (3 scores expected, "
            + "2 given)");
    assertThat(juries.count("criterion_score", key)).isZero();
    assertThat(juries.count("juror_scoring", key)).isZero();

    // Submitted once, locked: the task is gone and a second submission is refused.
    driver.submit(key, "Task_EvaluateSolutions", "judy", CaseDriver.form("scores", rows));
    assertThat(juries.count("criterion_score", key)).isEqualTo(3);
    // The engine's REST API answers a completed task's form with 409 (EngineApiGuard; Camunda alone says 500).
    var second = submitAs("judy", taskId, Map.of("scores", rows));
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody()).contains("You already completed this task");
    assertThatThrownBy(() -> blindScoring.score(key, "judy", List.of(new BlindScoring.Score(eligible.get(1).id(), 1,
        BigDecimal.ONE, "Changed my mind")))).hasMessageContaining("already submitted and locked");
    org.openchallenge.platform.FormInput again = org.openchallenge.platform.FormInput.of(
        Map.of("scores", rows));
    scoring.read(again, key, "judy");
    assertThat(again.problems()).containsExactly("Your scores are already submitted and locked; a juror submits once");
    assertThat(juries.db.sql("select min(score) from criterion_score where case_id = :c and juror = 'judy'")
        .param("c", juries.caseId(key)).query(BigDecimal.class).single()).isEqualByComparingTo("7");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void nobodyReadsScoresBeforeTheBlindPhaseEnds() throws Exception {
    String key = driver.publishedChallenge("Blind scoring");
    driver.researchWithFinding(key);
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    driver.composeJury(key);
    for (String juror : CaseDriver.JURORS) {
      driver.declareNoConflicts(key, juror);
    }
    driver.evaluate(key, "judy", id -> 9);
    String jonasTask = driver.task(key, "Task_EvaluateSolutions", "jonas").getId();

    // The other jurors' and the officials' view of the engine: no scoring task of another, no score anywhere.
    for (String user : List.of("jonas", "jules", "olivia", "mara")) {
      String tasks = get(user, "/engine-rest/task?processInstanceBusinessKey=" + key);
      assertThat(JSON.readValue(tasks, List.class)).as(user).allMatch(t -> {
        Map<String, Object> task = (Map<String, Object>) t;
        return !"Task_EvaluateSolutions".equals(task.get("taskDefinitionKey")) || user.equals(task.get("assignee"));
      });
      for (String path : List.of("/engine-rest/history/variable-instance?processInstanceId="
              + driver.phase(key, "juryDeliberation").getId(),
          "/engine-rest/variable-instance?processInstanceIdIn=" + driver.phase(key, "juryDeliberation").getId(),
          "/engine-rest/history/detail?processInstanceId=" + driver.phase(key, "juryDeliberation").getId())) {
        String body = get(user, path);
        assertThat(body).as(user + " " + path).doesNotContain("\\\"score\\\":9", "\"score\":9");
      }
    }
    ResponseEntity<String> peek = http.withBasicAuth("jules", RoleSetup.DEMO_PASSWORD)
        .getForEntity("/engine-rest/task/" + jonasTask + "/form-variables", String.class);
    assertThat(peek.getStatusCode().is4xxClientError()).isTrue();
    // jonas's own form holds his rows only, without anybody's scores.
    assertThat(driver.tasks.getVariablesLocal(jonasTask).toString()).doesNotContain("judy").doesNotContain("9.0");
    // Our own APIs: the chair's view is refused while blind, and providers are told to wait.
    assertThatThrownBy(() -> blindScoring.standings(key)).hasMessageContaining("blind until every juror has submitted");
    ResponseEntity<Map> provider = http.withBasicAuth("paula", RoleSetup.DEMO_PASSWORD).getForEntity(
        "/api/challenges/" + key + "/submissions/" + eligible.get(0).id() + "/evaluations", Map.class);
    assertThat(provider.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(http.getForEntity("/api/public/challenges/" + key, Map.class).getBody().get("juryDecisions"))
        .isEqualTo(List.of());
  }

  private String get(String user, String path) {
    ResponseEntity<String> r = http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD).getForEntity(path, String.class);
    return r.getStatusCode().is2xxSuccessful() ? r.getBody() : "[]";
  }

  private ResponseEntity<String> submitAs(String user, String taskId, Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      variables.put(e.getKey(), Map.of("type", "Json", "value", JSON.writeValueAsString(e.getValue())));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD).exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers), String.class);
  }
}
