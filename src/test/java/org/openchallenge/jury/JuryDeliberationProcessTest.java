package org.openchallenge.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class JuryDeliberationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver driver;
  @Autowired JuryService jury;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private String caseAtJury(String title) {
    String key = driver.publishedChallenge(title);
    driver.researchWithFinding(key);
    return key;
  }

  @Test
  void jurorsWorkAsIndividualAssigneesAndAConflictRecusesThemFromThatSolution() {
    String key = caseAtJury("Recusal");
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    assertThatThrownBy(() -> driver.submit(key, "Task_ComposeJury", CaseDriver.form("jurors", List.of("judy", "olivia"))))
        .hasMessageContaining("choose at least 3").hasMessageContaining("olivia is not a member of the jurors group");
    driver.composeJury(key);
    assertThat(driver.openTasks(key)).containsExactly("Task_DeclareConflicts@jonas", "Task_DeclareConflicts@judy",
        "Task_DeclareConflicts@jules");

    List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_DeclareConflicts", "judy", "declarations");
    rows.get(0).put("conflict", "CONFLICT");
    assertThatThrownBy(() -> driver.submit(key, "Task_DeclareConflicts", "judy", CaseDriver.form("declarations", rows)))
        .hasMessageContaining("Nature of the conflict is required");
    rows.get(0).put("nature", "Former employee of the provider");
    driver.submit(key, "Task_DeclareConflicts", "judy", CaseDriver.form("declarations", rows));

    long recusedFrom = ((Number) rows.get(0).get("solutionId")).longValue();
    assertThat(jury.recusals(key, "judy")).containsExactly(recusedFrom);
    List<Map<String, Object>> toScore = driver.prefilledRows(key, "Task_EvaluateSolutions", "judy", "evaluations");
    assertThat(toScore).extracting(r -> ((Number) r.get("solutionId")).longValue()).doesNotContain(recusedFrom)
        .hasSize(eligible.size() - 1);

    // Scoring the solution one is recused from, or out of scale, is refused.
    toScore.forEach(r -> { r.put("score", 11); r.put("justification", "Good"); });
    var sneaky = new java.util.ArrayList<>(toScore);
    sneaky.add(Map.of("solutionId", recusedFrom, "score", 10, "justification", "Great"));
    assertThatThrownBy(() -> driver.submit(key, "Task_EvaluateSolutions", "judy", CaseDriver.form("evaluations", sneaky)))
        .hasMessageContaining("Evaluation must have 1 entries");
    assertThatThrownBy(() -> driver.submit(key, "Task_EvaluateSolutions", "judy", CaseDriver.form("evaluations", toScore)))
        .hasMessageContaining("Score must be between 0 and 10");
    toScore.forEach(r -> r.put("score", 7));
    driver.submit(key, "Task_EvaluateSolutions", "judy", CaseDriver.form("evaluations", toScore));

    for (String juror : List.of("jonas", "jules")) {
      driver.declareNoConflicts(key, juror);
      driver.evaluate(key, juror, id -> id == recusedFrom ? 9 : 6);
    }
    BpmnAwareTests.assertThat(driver.phase(key, "juryDeliberation")).isWaitingAt("Task_DecideAward");
    List<JuryService.Standing> ranking = jury.ranking(key);
    assertThat(ranking.get(0).solution().id()).isEqualTo(recusedFrom);
    assertThat(ranking.get(0).meanScore()).isEqualByComparingTo("9.00");
    assertThat(ranking.get(0).evaluations()).isEqualTo(2);
    assertThat(ranking.get(1).meanScore()).isEqualByComparingTo("6.33");

    assertThatThrownBy(() -> driver.submit(key, "Task_DecideAward", CaseDriver.form("juryDecision", "AWARD",
        "awardedSolution", "999999", "decisionReason", "x")))
        .hasMessageContaining("Awarded solution must be one of the eligible solutions");
  }
}
