package org.openchallenge.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The publication ledger: what a case leaves in it, atomicity, the public policy, the chain, and the gapless feed. */
@ProcessTest
class LedgerTest {

  @Autowired CaseDriver driver;
  @Autowired LedgerFeed feed;
  @Autowired JdbcClient db;
  @Autowired TestRestTemplate http;

  List<String> timeline(String key) {
    List<String> lines = new ArrayList<>();
    long after = 0;
    while (true) {
      LedgerFeed.Page<LedgerFeed.PublicEntry> page = feed.after(after, 100, key);
      if (page.entries().isEmpty()) {
        return lines;
      }
      page.entries().forEach(e -> lines.add(e.kind() + " " + e.subject()));
      after = page.next();
    }
  }

  @Test
  void theNeedOpeningOfACaseIsPublishedTransitionByTransition() {
    String key = driver.openNeed("Ledger walk").getBusinessKey();
    driver.frameAndConsult(key, List.of("sam"));
    driver.approve(key, "REWORK", "Sharpen the question.");
    driver.frameAndConsult(key, List.of());
    driver.approve(key, "PUBLISH", null);

    assertThat(timeline(key)).containsExactly(
        "case.started procurementCase",
        "phase.entered needOpening",
        "gateway.passed Gateway_FramingStarts",
        "task.created Task_FrameChallenge",
        "task.completed Task_FrameChallenge",
        "task.created Task_GiveConsultationInput",
        "task.completed Task_GiveConsultationInput",
        "gateway.passed Gateway_ConsultationClosed",
        "task.created Task_ConsolidateConsultation",
        "task.completed Task_ConsolidateConsultation",
        "task.created Task_ApprovePublication",
        "task.completed Task_ApprovePublication",
        "gateway.passed Gateway_PublicationDecision",
        "gateway.passed Gateway_FramingStarts",
        "task.created Task_FrameChallenge",
        "task.completed Task_FrameChallenge",
        "gateway.passed Gateway_ConsultationClosed",
        "task.created Task_ConsolidateConsultation",
        "task.completed Task_ConsolidateConsultation",
        "task.created Task_ApprovePublication",
        "task.completed Task_ApprovePublication",
        "gateway.passed Gateway_PublicationDecision",
        "challenge.published " + key,
        "phase.left needOpening",
        "gateway.passed Gateway_ChallengePublished",
        "gateway.passed Gateway_ResearchRoundStarts",
        "phase.entered research",
        "gateway.passed Gateway_NextFinding",
        "task.created Task_RecordFinding");
  }

  @Test
  void aWholeCaseIsPublishedTransitionByTransition() {
    String key = driver.publishedChallenge("Ledger whole case");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.confirmAndContract(key);
    driver.monitorToClosure(key);
    long a = eligible.get(0).id();
    long b = eligible.get(1).id();
    assertThat(timeline(key)).containsExactly(
        "case.started procurementCase",
        "phase.entered needOpening",
        "gateway.passed Gateway_FramingStarts",
        "task.created Task_FrameChallenge",
        "task.completed Task_FrameChallenge",
        "task.created Task_GiveConsultationInput",
        "task.completed Task_GiveConsultationInput",
        "gateway.passed Gateway_ConsultationClosed",
        "task.created Task_ConsolidateConsultation",
        "task.completed Task_ConsolidateConsultation",
        "task.created Task_ApprovePublication",
        "task.completed Task_ApprovePublication",
        "gateway.passed Gateway_PublicationDecision",
        "challenge.published " + key,
        "phase.left needOpening",
        "gateway.passed Gateway_ChallengePublished",
        "gateway.passed Gateway_ResearchRoundStarts",
        "phase.entered research",
        "gateway.passed Gateway_NextFinding",
        "task.created Task_RecordFinding",
        "task.completed Task_RecordFinding",
        "gateway.passed Gateway_ResearchContinues",
        "gateway.passed Gateway_ResearchWindowClosed",
        "gateway.passed Gateway_SolutionsFound",
        "task.created Task_InviteProviders",
        "task.completed Task_InviteProviders",
        "gateway.passed Gateway_BriefStarts",
        "task.created Task_WriteResearchBrief",
        "task.completed Task_WriteResearchBrief",
        "phase.left research",
        "phase.entered solutionIntake",
        "solution.submitted solution " + a,
        "message.received StartEvent_SolutionSubmitted",
        "task.created Task_ScreenSubmission",
        "solution.submitted solution " + b,
        "message.received StartEvent_SolutionSubmitted",
        "task.created Task_ScreenSubmission",
        "solution.screened solution " + a,
        "task.completed Task_ScreenSubmission",
        "solution.screened solution " + b,
        "task.completed Task_ScreenSubmission",
        "timer.fired Event_IntakeDeadlinePassed",
        "phase.left solutionIntake",
        "gateway.passed Gateway_EligibleSolutionFound",
        "gateway.passed Gateway_JuryRoundStarts",
        "phase.entered juryDeliberation",
        "gateway.passed Gateway_CompositionStarts",
        "task.created Task_ComposeJury",
        "task.completed Task_ComposeJury",
        "gateway.passed Gateway_CompositionVerdict",
        "gateway.passed Gateway_JuryAccepted",
        "jury.composed jury round 1",
        "task.created Task_DeclareConflicts",
        "task.created Task_DeclareConflicts",
        "task.created Task_DeclareConflicts",
        "task.completed Task_DeclareConflicts",
        "task.completed Task_DeclareConflicts",
        "task.completed Task_DeclareConflicts",
        "gateway.passed Gateway_JuryQuorumReached",
        "task.created Task_EvaluateSolutions",
        "task.created Task_EvaluateSolutions",
        "task.created Task_EvaluateSolutions",
        "task.completed Task_EvaluateSolutions",
        "task.completed Task_EvaluateSolutions",
        "task.completed Task_EvaluateSolutions",
        "gateway.passed Gateway_ScoringClosed",
        "scores.unlocked jury round 1",
        "task.created Task_DecideAward",
        "jury.decided jury round 1",
        "task.completed Task_DecideAward",
        "phase.left juryDeliberation",
        "gateway.passed Gateway_AwardDecided",
        "phase.entered awardContract",
        "task.created Task_ConfirmAward",
        "award.reviewed solution " + a,
        "task.completed Task_ConfirmAward",
        "gateway.passed Gateway_AwardConfirmed",
        "task.created Task_RecordContract",
        "contract.recorded solution " + a,
        "task.completed Task_RecordContract",
        "gateway.passed Gateway_InvolvesAi",
        "phase.left awardContract",
        "gateway.passed Gateway_AwardConfirmed",
        "phase.entered impactMonitoring",
        "gateway.passed Gateway_NextPeriod",
        "timer.fired Event_ReportingPeriodElapsed",
        "task.created Task_FileMonitoringReport",
        "task.created Task_GiveStakeholderFeedback",
        "gateway.passed Gateway_AiReviewDue",
        "monitoring.reported report 1",
        "task.completed Task_FileMonitoringReport",
        "report.classified report 1",
        "gateway.passed Gateway_ReportOffTrack",
        "gateway.passed Gateway_PeriodClosed",
        "gateway.passed Gateway_NextPeriod",
        "feedback.given report 1",
        "task.completed Task_GiveStakeholderFeedback",
        "timer.fired Timer_ContractEnded",
        "task.created Task_AssessFinalImpact",
        "impact.assessed " + key,
        "task.completed Task_AssessFinalImpact",
        "gateway.passed Gateway_FinalAssessmentDone",
        "task.created Task_EvaluateImpact",
        "impact.evaluated " + key,
        "task.completed Task_EvaluateImpact",
        "phase.left impactMonitoring",
        "gateway.passed Gateway_ContractTerminated",
        "case.ended procurementCase");
    // Gateways publish the values that drove them; jurors and stakeholders act unnamed (jurors are named once the
    // jury has decided, in jury.decided).
    List<LedgerFeed.PublicEntry> entries = feed.after(0, 1000, key).entries();
    assertThat(entries).filteredOn(e -> e.subject().equals("Gateway_PublicationDecision"))
        .extracting(LedgerFeed.PublicEntry::data).containsExactly(
            "{\"gateway\":\"Gateway_PublicationDecision\",\"name\":\"Publication decision\","
                + "\"values\":{\"publicationDecision\":\"PUBLISH\"}}");
    assertThat(entries).filteredOn(e -> e.subject().equals("Task_EvaluateSolutions") && e.kind().equals("task.completed"))
        .extracting(LedgerFeed.PublicEntry::data).hasSize(3).noneMatch(d -> d.contains("actor"));
    assertThat(entries).filteredOn(e -> e.kind().equals("jury.decided")).extracting(LedgerFeed.PublicEntry::data)
        .singleElement().asString().contains("\"jurors\":[{", "\"seatType\":\"CITIZEN\"", "\"ranking\":[{");
    assertThat(entries).filteredOn(e -> e.subject().equals("Task_GiveStakeholderFeedback"))
        .extracting(LedgerFeed.PublicEntry::data).noneMatch(d -> d.contains("actor"));
    assertThat(entries).filteredOn(e -> e.kind().equals("feedback.given"))
        .extracting(LedgerFeed.PublicEntry::data).containsExactly("{\"rating\":4,\"report\":1}");
    assertThat(entries).filteredOn(e -> e.subject().equals("Gateway_ReportOffTrack"))
        .extracting(LedgerFeed.PublicEntry::data).singleElement().asString()
        .contains("\"values\":{\"reportStatus\":\"ON_TRACK\"}");
  }

  @Test
  void aRefusedTransitionLeavesNoEntry() {
    String key = driver.openNeed("Refused transition").getBusinessKey();
    List<String> before = timeline(key);
    long head = feed.head().position();
    String taskId = driver.task(key, "Task_FrameChallenge", null).getId();
    assertThatThrownBy(() -> driver.forms.submitTaskForm(taskId, CaseDriver.form("challengeQuestion", "")))
        .hasMessageContaining("Challenge question is required");
    assertThat(timeline(key)).isEqualTo(before);
    assertThat(db.sql("select count(*) from ledger_entry where position is null").query(Long.class).single())
        .isZero();
    assertThat(feed.head().position()).isGreaterThanOrEqualTo(head);
  }

  @Test
  void whatThePolicyKeepsPrivateNeverReachesTheFeed() {
    String key = driver.publishedChallenge("Private details");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    assertThat(eligible).hasSize(2);
    // A recusal with the nature of the conflict, as judy declares it in a second jury round.
    driver.decideAward(key, eligible.get(0).id());
    driver.submit(key, "Task_ConfirmAward", CaseDriver.form("confirmation", "REFER_BACK",
        "reviewComment", "Internal: the budget line is not cleared."));
    driver.composeJury(key);
    List<Map<String, Object>> rows = driver.prefilledRows(key, "Task_DeclareConflicts", "judy", "declarations");
    rows.forEach(r -> r.put("conflict", "NONE"));
    rows.get(0).put("conflict", "CONFLICT");
    rows.get(0).put("nature", "Judy's brother-in-law runs the company");
    driver.submit(key, "Task_DeclareConflicts", "judy", CaseDriver.form("declarations", rows));

    String publicFeed = http.getForEntity("/api/public/challenges/" + key + "/timeline?limit=1000", String.class)
        .getBody();
    // Before the jury decides, a recusal is public without the juror's name (and never with its nature).
    assertThat(feed.after(0, 1000, key).entries()).filteredOn(e -> e.kind().equals("juror.recused"))
        .extracting(LedgerFeed.PublicEntry::data).singleElement().asString()
        .contains("\"solution\":").doesNotContain("judy");
    assertThat(publicFeed).contains("juror.recused", "jury.composed")
        .doesNotContain("brother-in-law", "budget line is not cleared", "Include the school routes",
            "\"actor\":\"sam\"", "\"actor\":\"paula\"", "Unit price");
    String audit = http.withBasicAuth("olivia", RoleSetup.DEMO_PASSWORD)
        .getForEntity("/api/ledger?limit=1000&caseKey=" + key, String.class).getBody();
    assertThat(audit).contains("brother-in-law", "budget line is not cleared");
    assertThat(http.withBasicAuth("judy", RoleSetup.DEMO_PASSWORD).getForEntity("/api/ledger", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/ledger", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void tamperingWithOneEntryIsDetectedAtExactlyThatPosition() {
    String key = driver.openNeed("Tampered").getBusinessKey();
    LedgerFeed.PublicEntry target = feed.after(0, 1000, key).entries().get(2);
    assertThat(feed.verify().firstBrokenPosition()).isNull();
    String original = db.sql("select public_data from ledger_entry where position = :p")
        .param("p", target.position()).query(String.class).single();
    String internal = db.sql("select internal_data from ledger_entry where position = :p")
        .param("p", target.position()).query(String.class).single();
    try {
      db.sql("update ledger_entry set public_data = :d where position = :p").param("d", original.replace("}",
          ",\"forged\":true}")).param("p", target.position()).update();
      assertThat(feed.verify().firstBrokenPosition()).isEqualTo(target.position());
      db.sql("update ledger_entry set public_data = :d, internal_data = :i where position = :p")
          .param("d", original).param("i", internal.replace("}", ",\"forged\":true}"))
          .param("p", target.position()).update();
      assertThat(feed.verify().firstBrokenPosition()).isEqualTo(target.position());
    } finally {
      db.sql("update ledger_entry set public_data = :d, internal_data = :i where position = :p")
          .param("d", original).param("i", internal).param("p", target.position()).update();
    }
    LedgerFeed.Verification intact = feed.verify();
    assertThat(intact.firstBrokenPosition()).isNull();
    assertThat(intact.verifiedPositions()).isEqualTo(intact.head().position());
  }

  @Test
  void aReaderPollingWhileManyTransactionsCommitMissesNothing() throws Exception {
    long start = feed.head().position();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<LedgerFeed.PublicEntry> read = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(9);
    Future<?> reader = pool.submit(() -> {
      long after = start;
      boolean lastRound = false;
      while (true) {
        LedgerFeed.Page<LedgerFeed.PublicEntry> page = feed.after(after, 50, null);
        read.addAll(page.entries());
        after = page.next();
        if (page.entries().isEmpty()) {
          if (lastRound) {
            return null;
          }
          lastRound = !writing.get();
        }
      }
    });
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      writers.add(pool.submit(() -> {
        for (int i = 0; i < 25; i++) {
          String key = driver.openNeed("Concurrent " + thread + "-" + i).getBusinessKey();
          driver.submit(key, "Task_FrameChallenge", driver.framing(List.of()));
        }
        return null;
      }));
    }
    for (Future<?> w : writers) {
      w.get();
    }
    writing.set(false);
    reader.get();
    pool.shutdown();

    long end = feed.head().position();
    assertThat(read).extracting(LedgerFeed.PublicEntry::position)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(start + 1, end).boxed().toList());
    List<LedgerFeed.PublicEntry> stored = feed.after(start, (int) (end - start), null).entries();
    assertThat(read).usingRecursiveComparison().isEqualTo(stored);
    assertThat(read.stream().filter(e -> e.kind().equals("case.started")).count()).isEqualTo(200);
  }
}
