package org.openchallenge.jury;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Seven jurors score thirty solutions on the three suggested criteria (weights 50, 30, 20; scale 0-10) with a fixed
 * integer pattern; the published weighted means and spreads must equal values computed here by hand.
 */
@ProcessTest
class LargeJuryTest {

  static final int JURORS = 7;
  static final int SOLUTIONS = 30;
  static final int[] WEIGHTS = {50, 30, 20};

  @Autowired CaseDriver driver;
  @Autowired JuryDriver juries;
  @Autowired TestRestTemplate http;

  /** The score juror j gives solution i on criterion c: 0 to 10. */
  static int score(int j, int i, int c) {
    return (3 * i + 5 * j + 7 * c) % 11;
  }

  @Test
  @SuppressWarnings("unchecked")
  void sevenJurorsThirtySolutionsPublishedWeightedScoresMatchHandComputedValues() {
    String key = driver.publishedChallenge("Seven by thirty");
    driver.researchWithFinding(key);
    List<Solution> submitted = new ArrayList<>();
    for (int i = 0; i < SOLUTIONS; i++) {
      submitted.add(driver.submitSolution(key, i == 0 ? "paula" : "sevenprovider" + i, "Solution " + i));
    }
    submitted.forEach(s -> driver.screen(key, s.id(), true));
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < SOLUTIONS; i++) {
      index.put(submitted.get(i).id(), i);
    }

    List<String> jurors = juries.jurors("sevenjuror", JURORS);
    String[] seats = {"CITIZEN", "CITIZEN", "CIVIC_LEADER", "DOMAIN_EXPERT", "TECHNICAL_EXPERT", "OFFICIAL",
        "OFFICIAL"};
    List<Map<String, Object>> members = new ArrayList<>();
    for (int j = 0; j < JURORS; j++) {
      members.add(CaseDriver.member(jurors.get(j), seats[j], j == 3));
    }
    juries.compose(key, members);
    for (String juror : jurors) {
      driver.declareNoConflicts(key, juror);
    }
    for (int j = 0; j < JURORS; j++) {
      int jj = j;
      List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_EvaluateSolutions", jurors.get(j), "scores");
      assertThat(rows).hasSize(SOLUTIONS * WEIGHTS.length);
      for (Map<String, Object> row : rows) {
        int i = index.get(((Number) row.get("solutionId")).longValue());
        int c = ((Number) row.get("criterionNo")).intValue() - 1;
        row.put("score", score(jj, i, c));
        row.put("justification", "Juror " + jj + " on criterion " + (c + 1));
      }
      driver.submit(key, "Task_EvaluateSolutions", jurors.get(j), CaseDriver.form("scores", rows));
    }
    BpmnAwareTests.assertThat(driver.phase(key, "juryDeliberation")).isWaitingAt("Task_DecideAward");
    driver.decideAward(key, submitted.get(0).id());

    // By hand: each juror's weighted total is sum(score x weight) / 100; the mean over 7 jurors, half up to 0.01.
    Map<Integer, BigDecimal> mean = new HashMap<>();
    Map<Integer, BigDecimal> spread = new HashMap<>();
    for (int i = 0; i < SOLUTIONS; i++) {
      long sum = 0;
      long max = Long.MIN_VALUE;
      long min = Long.MAX_VALUE;
      for (int j = 0; j < JURORS; j++) {
        long total = 0;
        for (int c = 0; c < WEIGHTS.length; c++) {
          total += (long) score(j, i, c) * WEIGHTS[c];
        }
        sum += total;
        max = Math.max(max, total);
        min = Math.min(min, total);
      }
      mean.put(i, BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(100L * JURORS), 2, RoundingMode.HALF_UP));
      spread.put(i, BigDecimal.valueOf(max - min, 2));
    }
    // Solution 0 worked out on paper: juror 0 scores (0, 7, 3) -> 0 x 50 + 7 x 30 + 3 x 20 = 270 -> 2.70; the seven
    // totals are 2.70, 4.40, 7.20, 3.40, 6.20, 5.70, 5.20 -> mean 34.80 / 7 = 4.971 -> 4.97, spread 7.20 - 2.70.
    assertThat(mean.get(0)).isEqualByComparingTo("4.97");
    assertThat(spread.get(0)).isEqualByComparingTo("4.50");

    Map<String, Object> published = http.getForObject("/api/public/challenges/" + key, Map.class);
    List<Map<String, Object>> decisions = (List<Map<String, Object>>) published.get("juryDecisions");
    assertThat(decisions).hasSize(1);
    List<Map<String, Object>> ranking = (List<Map<String, Object>>) decisions.get(0).get("ranking");
    assertThat(ranking).hasSize(SOLUTIONS);
    List<Integer> expectedOrder = new ArrayList<>(mean.keySet());
    expectedOrder.sort(Comparator.comparing((Integer i) -> mean.get(i)).reversed()
        .thenComparing(i -> submitted.get(i).id()));
    for (int r = 0; r < SOLUTIONS; r++) {
      Map<String, Object> entry = ranking.get(r);
      int i = index.get(((Number) entry.get("solution")).longValue());
      assertThat(i).as("rank " + (r + 1)).isEqualTo(expectedOrder.get(r));
      assertThat(new BigDecimal(entry.get("weightedMean").toString())).as("mean of solution " + i)
          .isEqualByComparingTo(mean.get(i));
      assertThat(new BigDecimal(entry.get("spread").toString())).as("spread of solution " + i)
          .isEqualByComparingTo(spread.get(i));
      assertThat(new BigDecimal(entry.get("consensusScore").toString())).isEqualByComparingTo(mean.get(i));
    }
    assertThat((List<Map<String, Object>>) decisions.get(0).get("jurors")).hasSize(JURORS)
        .allMatch(m -> m.get("seatType") != null);

    // The provider of solution 0 reads its 7 x 3 individual evaluations and the consensus.
    Map<String, Object> feedback = http.withBasicAuth("paula", RoleSetup.DEMO_PASSWORD).getForObject(
        "/api/challenges/" + key + "/submissions/" + submitted.get(0).id() + "/evaluations", Map.class);
    List<Map<String, Object>> evaluations = (List<Map<String, Object>>) feedback.get("evaluations");
    assertThat(evaluations).hasSize(JURORS * WEIGHTS.length);
    long weightedSum = evaluations.stream().mapToLong(e -> ((Number) e.get("score")).longValue()
        * ((Number) e.get("weight")).longValue()).sum();
    assertThat(BigDecimal.valueOf(weightedSum).divide(BigDecimal.valueOf(100L * JURORS), 2, RoundingMode.HALF_UP))
        .isEqualByComparingTo(mean.get(0));
  }
}
