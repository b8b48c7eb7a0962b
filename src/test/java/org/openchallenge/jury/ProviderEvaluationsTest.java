package org.openchallenge.jury;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Each provider receives the jury's original evaluations of its own submission, and only once the jury decided. */
@ProcessTest
class ProviderEvaluationsTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void aProviderReadsItsOwnEvaluationsAfterTheDecisionOnly() {
    String key = driver.publishedChallenge("Evaluations to providers");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    String paulas = "/api/challenges/" + key + "/submissions/" + eligible.get(0).id() + "/evaluations";
    String pedros = "/api/challenges/" + key + "/submissions/" + eligible.get(1).id() + "/evaluations";

    ResponseEntity<Map> blind = http.withBasicAuth("paula", RoleSetup.DEMO_PASSWORD).getForEntity(paulas, Map.class);
    assertThat(blind.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(blind.getBody().get("message").toString()).contains("not decided yet");

    driver.decideAward(key, eligible.get(0).id());
    ResponseEntity<Map> own = http.withBasicAuth("paula", RoleSetup.DEMO_PASSWORD).getForEntity(paulas, Map.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody().get("solution")).isNull();
    assertThat(((Number) own.getBody().get("solutionId")).longValue()).isEqualTo(eligible.get(0).id());
    // Every juror's score per criterion, with justification, seat and criterion weight: 3 jurors x 3 criteria.
    List<Map<String, Object>> evaluations = (List<Map<String, Object>>) own.getBody().get("evaluations");
    assertThat(evaluations).hasSize(9)
        .extracting(e -> e.get("juror"), e -> e.get("seatType"), e -> e.get("criterionName"),
            e -> ((Number) e.get("weight")).intValue(), e -> ((Number) e.get("score")).intValue(),
            e -> e.get("justification"))
        .startsWith(org.assertj.core.groups.Tuple.tuple("jonas", "CITIZEN", "Impact on the outcome indicators", 50, 8,
                "Evidence from the pilot."),
            org.assertj.core.groups.Tuple.tuple("jonas", "CITIZEN", "Feasibility and maturity", 30, 8,
                "Evidence from the pilot."));
    assertThat(evaluations).extracting(e -> e.get("juror")).containsOnly("jonas", "judy", "jules");
    assertThat(evaluations).allMatch(e -> e.get("submittedAt") != null);
    assertThat((List<Map<String, Object>>) own.getBody().get("consensus")).singleElement()
        .satisfies(k -> {
          assertThat(k.get("rank")).isEqualTo(1);
          assertThat(((Number) k.get("score")).doubleValue()).isEqualTo(8.0);
          assertThat(k.get("awarded")).isEqualTo(true);
          assertThat(k.get("rationale")).isEqualTo("The jury agrees with the weighted scores.");
        });
    Map<String, Object> pedrosFeedback = http.withBasicAuth("pedro", RoleSetup.DEMO_PASSWORD)
        .getForEntity(pedros, Map.class).getBody();
    assertThat((List<Map<String, Object>>) pedrosFeedback.get("evaluations"))
        .extracting(e -> ((Number) e.get("score")).intValue()).hasSize(9).containsOnly(5);
    assertThat((List<Map<String, Object>>) pedrosFeedback.get("consensus")).singleElement()
        .satisfies(k -> assertThat(k.get("awarded")).isEqualTo(false));

    // Nobody else reads a provider's evaluations here: not another provider, not officials or jurors.
    assertThat(http.withBasicAuth("pedro", RoleSetup.DEMO_PASSWORD).getForEntity(paulas, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    for (String user : List.of("olivia", "mara", "judy", "ana", "sam")) {
      assertThat(http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD).getForEntity(paulas, Map.class).getStatusCode())
          .as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.getForEntity(paulas, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
