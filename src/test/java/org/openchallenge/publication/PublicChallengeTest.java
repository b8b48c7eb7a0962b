package org.openchallenge.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A challenge as an anonymous citizen follows it: nothing before publication, then the challenge and its ending. */
@ProcessTest
class PublicChallengeTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;

  @Test
  @SuppressWarnings("unchecked")
  void aChallengeIsPublicFromPublicationWithItsBriefsAndThePublishedReasonOfItsCancellation() {
    String key = driver.openNeed("Public challenge").getBusinessKey();
    driver.frameAndConsult(key, List.of("sam"));
    assertThat(http.getForEntity("/api/public/challenges/" + key, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    driver.approve(key, "PUBLISH", "Internal: check the budget line with finance.");

    Map<String, Object> published = http.getForEntity("/api/public/challenges/" + key, Map.class).getBody();
    assertThat(published).containsEntry("title", "Public challenge").containsEntry("phase", "RESEARCH")
        .containsEntry("consultationOutcome", "School routes added to the scope.");
    assertThat((List<Map<String, Object>>) published.get("indicators")).extracting(i -> i.get("name"))
        .containsExactly("Cyclist injuries at crossings", "Commuters cycling");
    String raw = http.getForEntity("/api/public/challenges/" + key, String.class).getBody();
    assertThat(raw).doesNotContain("sam", "Include the school routes", "check the budget line");
    assertThat(http.getForEntity("/api/public/challenges", List.class).getBody().toString()).contains(key);

    // No eligible solution twice: the challenge is cancelled, and the reason is public.
    driver.recordFinding(key, "RECORD_AND_FINISH", "Raised crossings");
    driver.submit(key, "Task_InviteProviders", CaseDriver.form("invitationMessage", "Please submit.",
        "invitationsSent", true));
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Infrastructure only."));
    Solution unrelated = driver.submitSolution(key, "paula", "Unrelated gadget");
    driver.screen(key, unrelated.id(), false);
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    driver.recordFinding(key, "FINISH", null);
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Still nothing."));
    driver.fireTimer(key, "Event_IntakeDeadlinePassed");
    driver.submit(key, "Task_ExplainChallengeCancellation", CaseDriver.form("reason", "No provider met the outcomes."));

    ResponseEntity<Map> ended = http.getForEntity("/api/public/challenges/" + key, Map.class);
    assertThat(ended.getBody()).containsEntry("outcome", "CHALLENGE_CANCELLED")
        .containsEntry("outcomeReason", "No provider met the outcomes.").containsKey("closedAt");
    List<Map<String, Object>> briefs = (List<Map<String, Object>>) ended.getBody().get("researchBriefs");
    assertThat(briefs).extracting(b -> b.get("round"), b -> b.get("findingCount"), b -> b.get("landscape"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, "Infrastructure only."),
            org.assertj.core.groups.Tuple.tuple(2, 0, "Still nothing."));
    assertThat(briefs.get(0).get("approaches")).isEqualTo(Map.of("infrastructure", 1));
  }

  @Test
  @SuppressWarnings("unchecked")
  void criteriaArePublicFromPublicationAndTheJuryWithItsRankingAndReportFromItsDecision() {
    String key = driver.publishedChallenge("Public jury");
    Map<String, Object> published = http.getForEntity("/api/public/challenges/" + key, Map.class).getBody();
    assertThat(published).containsEntry("scoreScale", 10).containsEntry("juryDecisions", List.of());
    assertThat((List<Map<String, Object>>) published.get("evaluationCriteria"))
        .extracting(c -> c.get("name"), c -> c.get("weight"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Impact on the outcome indicators", 50),
            org.assertj.core.groups.Tuple.tuple("Feasibility and maturity", 30),
            org.assertj.core.groups.Tuple.tuple("Value for money", 20));

    driver.researchWithFinding(key);
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    driver.composeJury(key);
    List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_DeclareConflicts", "jules", "declarations");
    rows.get(1).put("conflict", "CONFLICT");
    rows.get(1).put("nature", "Jules' cousin founded the company");
    driver.submit(key, "Task_DeclareConflicts", "jules", CaseDriver.form("declarations", rows));
    driver.declareNoConflicts(key, "jonas");
    driver.declareNoConflicts(key, "judy");
    for (String juror : CaseDriver.JURORS) {
      driver.evaluate(key, juror, id -> id == eligible.get(0).id() ? 8 : 6);
    }
    String blind = http.getForEntity("/api/public/challenges/" + key, String.class).getBody();
    assertThat(blind).contains("\"juryDecisions\":[]").doesNotContain("jonas", "judy", "jules");

    driver.decideAward(key, eligible.get(0).id());
    String raw = http.getForEntity("/api/public/challenges/" + key, String.class).getBody();
    assertThat(raw).doesNotContain("cousin");
    Map<String, Object> decided = (Map<String, Object>) ((List<?>) http.getForEntity("/api/public/challenges/" + key,
        Map.class).getBody().get("juryDecisions")).get(0);
    assertThat((List<Map<String, Object>>) decided.get("jurors")).extracting(j -> j.get("name"), j -> j.get("seatType"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("jonas", "CITIZEN"),
            org.assertj.core.groups.Tuple.tuple("judy", "DOMAIN_EXPERT"),
            org.assertj.core.groups.Tuple.tuple("jules", "TECHNICAL_EXPERT"));
    assertThat((List<Map<String, Object>>) decided.get("recusals")).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("juror", "jules").containsEntry("solutionTitle",
            eligible.get(1).title()).doesNotContainKey("nature"));
    assertThat((List<Map<String, Object>>) decided.get("ranking"))
        .extracting(r -> r.get("rank"), r -> r.get("solutionTitle"), r -> r.get("weightedMean"), r -> r.get("awarded"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, eligible.get(0).title(), 8.0, true),
            org.assertj.core.groups.Tuple.tuple(2, eligible.get(1).title(), 6.0, false));
    assertThat(decided.get("report").toString()).contains("Recusals: jules from solution " + eligible.get(1).id(),
        "Decision: award.");
  }
}
