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
    ResponseEntity<List> own = http.withBasicAuth("paula", RoleSetup.DEMO_PASSWORD).getForEntity(paulas, List.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<Map<String, Object>>) own.getBody())
        .extracting(e -> e.get("juror"), e -> ((Number) e.get("score")).intValue(), e -> e.get("justification"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("jonas", 8, "Evidence from the pilot."),
            org.assertj.core.groups.Tuple.tuple("judy", 8, "Evidence from the pilot."),
            org.assertj.core.groups.Tuple.tuple("jules", 8, "Evidence from the pilot."));
    assertThat((List<Map<String, Object>>) http.withBasicAuth("pedro", RoleSetup.DEMO_PASSWORD)
        .getForEntity(pedros, List.class).getBody()).extracting(e -> ((Number) e.get("score")).intValue())
        .containsOnly(5);

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
