package org.openchallenge.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of juryDeliberation, walked through the forms as Tasklist submits them. */
@ProcessTest
class JuryDeliberationProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver driver;
  @Autowired JuryDriver juries;
  @Autowired JuryComposition composition;
  @Autowired CompositionCheck check;
  @Autowired ConflictsOfInterest conflicts;
  @Autowired BlindScoring scoring;
  @Autowired JuryDecision decisions;
  @Autowired ProviderFeedback feedback;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private String caseAtJury(String title) {
    String key = driver.publishedChallenge(title);
    driver.researchWithFinding(key);
    return key;
  }

  private ProcessInstance deliberation(String key) {
    return driver.phase(key, "juryDeliberation");
  }

  @Test
  void aBlockedCompositionShowsItsViolationsAndIsFixed() {
    String key = caseAtJury("Composition blocked");
    driver.intakeWithEligibleSolutions(key);
    ProcessInstance pi = deliberation(key);

    // Bad input is refused before the check: unknown users, duplicates, no seat, a past deadline.
    assertThatThrownBy(() -> juries.compose(key, List.of(CaseDriver.member("olivia", "CITIZEN", false),
        CaseDriver.member("judy", "CITIZEN", false), Map.of("juror", "judy", "seatType", "KING")),
        "scoringDeadline", java.time.LocalDate.now().toString()))
        .hasMessageContaining("olivia is not a member of the jurors group")
        .hasMessageContaining("Seat must be one of OFFICIAL, CITIZEN")
        .hasMessageContaining("Scoring deadline must be after today");
    assertThat(composition.members(key)).isEmpty();

    // Two officials: too small and no citizen. Blocked: back to the composition, the reasons shown.
    juries.compose(key, List.of(CaseDriver.member("judy", "OFFICIAL", false),
        CaseDriver.member("jules", "OFFICIAL", false)));
    BpmnAwareTests.assertThat(pi).hasPassed("Task_CheckComposition").isWaitingAt("Task_ComposeJury");
    assertThat(juries.prefilledText(key, "Task_ComposeJury", "findings"))
        .contains("Violation: A jury needs at least 3 jurors", "Violation: The jury has no citizen",
            "Warning: Fewer than half of the jurors are non-officials");
    assertThat(check.latestFindings(key)).extracting(CompositionCheck.Finding::severity)
        .containsExactlyInAnyOrder(CompositionCheck.Severity.VIOLATION, CompositionCheck.Severity.VIOLATION,
            CompositionCheck.Severity.WARNING);

    // Qualification required, but nobody holds it: still blocked.
    juries.compose(key, List.of(CaseDriver.member("jonas", "CITIZEN", false),
        CaseDriver.member("judy", "DOMAIN_EXPERT", false), CaseDriver.member("jules", "TECHNICAL_EXPERT", false)),
        "qualificationRequired", true);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ComposeJury");
    assertThat(juries.prefilledText(key, "Task_ComposeJury", "findings"))
        .isEqualTo("Violation: Participants must hold a qualification, but fewer than a third of the jurors hold it");

    // One in three holds it: compliant, straight to the declarations.
    juries.compose(key, CaseDriver.defaultJury(), "qualificationRequired", true);
    BpmnAwareTests.assertThat(pi).hasPassed("Task_ConfirmJury").isWaitingAt("Task_DeclareConflicts");
    assertThat(check.latestFindings(key)).isEmpty();
    assertThat(juries.count("composition_finding", key)).isEqualTo(4);
    assertThat(driver.openTasks(key)).containsExactly("Task_DeclareConflicts@jonas", "Task_DeclareConflicts@judy",
        "Task_DeclareConflicts@jules");
  }

  @Test
  void aWarningIsRevisedOnceThenOverriddenWithARecordedJustification() {
    String key = caseAtJury("Composition warning");
    driver.intakeWithEligibleSolutions(key);
    ProcessInstance pi = deliberation(key);
    List<Map<String, Object>> mostlyOfficials = List.of(CaseDriver.member("jonas", "CITIZEN", false),
        CaseDriver.member("judy", "OFFICIAL", false), CaseDriver.member("jules", "OFFICIAL", false));

    juries.compose(key, mostlyOfficials);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ReviewCompositionWarnings");
    assertThat(juries.prefilledText(key, "Task_ReviewCompositionWarnings", "warnings"))
        .isEqualTo("Fewer than half of the jurors are non-officials (citizens, civic leaders or experts)");
    driver.submit(key, "Task_ReviewCompositionWarnings", CaseDriver.form("warningsDecision", "REVISE"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ComposeJury");
    assertThat(juries.prefilledText(key, "Task_ComposeJury", "findings"))
        .isEqualTo("Warning: Fewer than half of the jurors are non-officials (citizens, civic leaders or experts)");

    juries.compose(key, mostlyOfficials);
    assertThatThrownBy(() -> driver.submit(key, "Task_ReviewCompositionWarnings",
        CaseDriver.form("warningsDecision", "OVERRIDE", "overrideJustification", "  ")))
        .hasMessageContaining("Justification is required to override the warnings");
    driver.submit(key, "Task_ReviewCompositionWarnings", CaseDriver.form("warningsDecision", "OVERRIDE",
        "overrideJustification", "Both officials run the city's cycling programme."));
    BpmnAwareTests.assertThat(pi).hasPassed("Task_ConfirmJury").isWaitingAt("Task_DeclareConflicts");
    assertThat(juries.db.sql("select override_justification from jury_composition where case_id = :c")
        .param("c", juries.caseId(key)).query(String.class).single())
        .isEqualTo("Both officials run the city's cycling programme.");
  }

  @Test
  void conflictsBelowTheQuorumSendTheJuryBackForAnotherJuror() {
    String key = caseAtJury("Quorum");
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    ProcessInstance pi = deliberation(key);
    long first = eligible.get(0).id();
    String extra = juries.jurors("quorumjuror", 1).get(0);
    driver.composeJury(key);

    // judy and jules both declare a conflict with the first solution: it keeps one unconflicted juror, quorum is 2.
    for (String juror : List.of("judy", "jules")) {
      List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_DeclareConflicts", juror, "declarations");
      rows.stream().filter(r -> ((Number) r.get("solutionId")).longValue() == first).forEach(r -> {
        r.put("conflict", "CONFLICT");
        r.put("nature", juror + " advised the provider");
      });
      driver.submit(key, "Task_DeclareConflicts", juror, CaseDriver.form("declarations", rows));
    }
    driver.declareNoConflicts(key, "jonas");
    BpmnAwareTests.assertThat(pi).hasPassed("Task_CheckQuorum").isWaitingAt("Task_ComposeJury");
    assertThat(juries.prefilledText(key, "Task_ComposeJury", "findings"))
        .contains("Below the quorum of 2 unconflicted jurors: " + eligible.get(0).label() + " (1)");

    // Jurors who declared stay; one more juror joins and only they declare.
    assertThatThrownBy(() -> juries.compose(key, List.of(CaseDriver.member("jonas", "CITIZEN", false),
        CaseDriver.member("judy", "DOMAIN_EXPERT", true), CaseDriver.member(extra, "TECHNICAL_EXPERT", false))))
        .hasMessageContaining("jules has already declared conflicts of interest in this round and stays on the jury");
    List<Map<String, Object>> bigger = new ArrayList<>(CaseDriver.defaultJury());
    bigger.add(CaseDriver.member(extra, "CIVIC_LEADER", false));
    juries.compose(key, bigger);
    assertThat(driver.openTasks(key)).containsExactly("Task_DeclareConflicts@" + extra);
    driver.declareNoConflicts(key, extra);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_EvaluateSolutions");
    assertThat(driver.openTasks(key)).hasSize(4);
    assertThat(conflicts.recusals(key, "judy")).containsExactly(first);
    assertThat(conflicts.recusals(key, "jules")).containsExactly(first);
    assertThat(juries.count("conflict_declaration", key)).isEqualTo(8);
  }

  @Test
  void aJurorMissingTheDeadlineIsRecordedAsMissingAndTheJuryMayNotAward() {
    String key = caseAtJury("Deadline");
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    ProcessInstance pi = deliberation(key);
    driver.composeJury(key);
    long second = eligible.get(1).id();
    for (String juror : CaseDriver.JURORS) {
      List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_DeclareConflicts", juror, "declarations");
      if (juror.equals("jules")) {
        // jules is recused from the second solution: missing there is not owed.
        rows.stream().filter(r -> ((Number) r.get("solutionId")).longValue() == second).forEach(r -> {
          r.put("conflict", "CONFLICT");
          r.put("nature", "jules mentored its founder");
        });
      }
      driver.submit(key, "Task_DeclareConflicts", juror, CaseDriver.form("declarations", rows));
    }
    driver.evaluate(key, "jonas", id -> 6);
    driver.evaluate(key, "judy", id -> 8);
    // Blind: nothing can be read while jules has not scored and the deadline has not passed.
    assertThatThrownBy(() -> scoring.standings(key)).hasMessageContaining("blind");

    driver.fireTimer(key, "Timer_ScoringDeadline");
    BpmnAwareTests.assertThat(pi).hasPassed("Timer_ScoringDeadline", "Task_UnlockScores")
        .isWaitingAt("Task_DecideAward");
    assertThat(scoring.missingJurors(key)).containsExactly("jules");
    assertThat(juries.db.sql("select count(*) from criterion_score where case_id = :c and juror = 'jules'")
        .param("c", juries.caseId(key)).query(Long.class).single()).isZero();
    BlindScoring.Standing st = scoring.standings(key).get(0);
    assertThat(st.evaluations()).isEqualTo(2);
    assertThat(st.weightedMean()).isEqualByComparingTo("7.00");
    assertThat(st.spread()).isEqualByComparingTo("2.00");
    assertThat(st.disagreement()).isFalse();
    assertThat(juries.prefilledText(key, "Task_DecideAward", "missingScores"))
        .contains("Missing scores (deadline passed): jules");

    // No award: no solution is chosen, the reason is required.
    assertThatThrownBy(() -> driver.decideNoAward(key, " ")).hasMessageContaining("Reason is required");
    driver.decideNoAward(key, "No solution is mature enough.");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_DeliberationConcluded");
    JuryDecision.Decision decision = decisions.currentDecision(key).orElseThrow();
    assertThat(decision.awarded()).isFalse();
    assertThat(decision.solutionId()).isNull();
    assertThat(juries.count("jury_consensus", key)).isEqualTo(eligible.size());
    // Providers learn whose scores are missing for their own solution only where that juror owed one.
    assertThat(feedback.feedbackOn(juries.caseId(key), eligible.get(0).id()).missingJurors()).containsExactly("jules");
    assertThat(feedback.feedbackOn(juries.caseId(key), second).missingJurors()).isEmpty();
  }

  @Test
  void theChairSeesSpreadsAndRecordsConsensusRankingAndSeveralAwards() {
    String key = caseAtJury("Consensus");
    List<Solution> eligible = driver.intakeWithEligibleSolutions(key);
    long a = eligible.get(0).id();
    long b = eligible.get(1).id();
    driver.composeJury(key);
    for (String juror : CaseDriver.JURORS) {
      driver.declareNoConflicts(key, juror);
    }
    driver.evaluate(key, "jonas", id -> id == a ? 2 : 7);
    driver.evaluate(key, "judy", id -> id == a ? 9 : 7);
    driver.evaluate(key, "jules", id -> id == a ? 7 : 8);

    List<Map<String, Object>> rows = driver.consensusRows(key);
    Map<String, Object> rowA = rows.stream().filter(r -> ((Number) r.get("solutionId")).longValue() == a)
        .findFirst().orElseThrow();
    // a: 2, 9, 7 -> mean 6.00, spread 7 > 20% of 10: flagged. b: 7, 7, 8 -> 7.33, spread 1.
    assertThat(((Number) rowA.get("weightedMean")).doubleValue()).isEqualTo(6.0);
    assertThat(((Number) rowA.get("spread")).doubleValue()).isEqualTo(7.0);
    assertThat(rowA.get("disagreement")).isEqualTo(DecideAwardForm.LARGE_DISAGREEMENT);
    assertThat(rowA.get("individualScores")).isEqualTo("jonas 2.00, judy 9.00, jules 7.00");
    assertThat(((Number) rows.get(0).get("solutionId")).longValue()).isEqualTo(b);

    // Bad consensus input is refused, nothing stored.
    List<Map<String, Object>> bad = driver.consensusRows(key);
    bad.get(0).put("rank", 2);
    bad.get(1).put("consensusScore", 11);
    bad.get(1).put("rationale", "");
    assertThatThrownBy(() -> driver.submit(key, "Task_DecideAward", CaseDriver.form("consensus", bad,
        "juryDecision", "AWARD", "awardedSolutions", List.of("999999"), "decisionReason", "x")))
        .hasMessageContaining("rank 2 is given twice")
        .hasMessageContaining("Consensus score must be between 0 and 10")
        .hasMessageContaining("Rationale is required")
        .hasMessageContaining("Awarded solutions must be eligible solutions (999999 is not)");
    assertThatThrownBy(() -> driver.submit(key, "Task_DecideAward", CaseDriver.form("consensus",
        driver.consensusRows(key), "juryDecision", "AWARD", "decisionReason", "x")))
        .hasMessageContaining("choose at least one solution to award");
    assertThat(juries.count("jury_consensus", key)).isZero();

    // Both awarded; b ranks first, so the contract goes to b.
    driver.submit(key, "Task_DecideAward", CaseDriver.form("consensus", rows, "juryDecision", "AWARD",
        "awardedSolutions", List.of(String.valueOf(a), String.valueOf(b)), "decisionReason", "Two pilots."));
    assertThat(decisions.currentDecision(key).orElseThrow().solutionId()).isEqualTo(b);
    assertThat(juries.db.sql("select report from jury_decision where case_id = :c").param("c", juries.caseId(key))
        .query(String.class).single())
        .contains("Jury: jonas (citizen), judy (domain expert), jules (technical expert)",
            "1. " + eligible.get(1).label() + ": consensus 7.33, weighted mean 7.33, spread 1.00, AWARDED",
            "(large disagreement)", "Decision: award. Two pilots.");
  }
}
