package org.openchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openchallenge.intake.Solution;
import org.openchallenge.jury.ConflictsOfInterest;
import org.openchallenge.jury.JuryDecision;
import org.openchallenge.need.Indicator;
import org.openchallenge.need.NeedService;
import org.openchallenge.platform.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The forms as users meet them: a headless Chromium drives the real Tasklist (its form-js renders the Camunda Forms)
 * and checks what the engine-level tests cannot: that the start form starts a case, that prefilled values, dynamic
 * lists, tag lists and selects fed from task variables ({@code valuesKey}) and conditional fields render, that what
 * Tasklist submits is accepted and stored, and that a server-side refusal reaches the user.
 */
@ProcessTest
class TasklistBrowserTest extends BrowserTest {

  @Autowired
  CaseDriver cases;
  @Autowired
  NeedService need;
  @Autowired
  ConflictsOfInterest conflicts;
  @Autowired
  JuryDecision decisions;
  @Autowired
  JdbcClient db;
  @Autowired
  TestRestTemplate http;

  @Test
  void needOpeningIsWorkedInTasklist() {
    String title = "Quiet night buses " + System.nanoTime();

    // olivia opens a need from Tasklist's "Start process" dialog.
    browser.login("tasklist", "olivia");
    browser.click(By.xpath("//a[normalize-space(.)='Start process']"));
    browser.click(By.xpath("//div[contains(@class,'modal-content')]//a[contains(normalize-space(.),'Procurement case')]"));
    WebElement start = browser.visible(By.cssSelector(".modal-content .fjs-form"));
    browser.type(start, "Title", title);
    browser.type(start, "Problem as citizens experience it", "Night buses wake up the <b>neighbourhood</b>.");
    browser.type(start, "Intended public value and outcomes", "Quieter nights.");
    browser.type(start, "Department", "Mobility");
    browser.type(start, "Budget envelope", "120000");
    browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    browser.waitFor("the case to be opened", () -> caseKey(title) != null);
    String key = caseKey(title);

    // olivia frames it: prefilled read-only need, no rework comment yet.
    WebElement frame = browser.openTask(task(key, "Task_FrameChallenge", null).getId());
    assertThat(browser.value(frame, "Need")).isEqualTo(title);
    assertThat(browser.value(frame, "Problem")).isEqualTo("Night buses wake up the <b>neighbourhood</b>.");
    assertThat(browser.shown(frame, "Manager's comment on the previous version")).isFalse();
    assertThat(browser.value(frame, "Research window (months)")).isEqualTo("3");
    browser.type(frame, "Challenge question", "How might night buses run quietly?");

    // Without an indicator the form passes in the browser; the server refuses it and nothing is stored.
    browser.complete();
    assertThat(browser.errorNotification()).contains("Outcome indicator");
    assertThat(need.challenge(key)).isEmpty();

    SearchContext row = browser.addRow(frame, "Outcome indicators");
    browser.type(row, "Indicator", "Night-time noise complaints");
    browser.type(row, "Unit", "complaints/month");
    browser.type(row, "Baseline", "30");
    browser.type(row, "Target", "5");
    browser.select(row, "Direction", "Decrease");
    browser.tag(frame, "Stakeholders to consult", "sa", "Sam Stakeholder (sam)");
    browser.complete();
    browser.waitFor("the consultation to open", () -> !open(key, "Task_GiveConsultationInput").isEmpty());

    List<Indicator> indicators = need.challenge(key).orElseThrow().indicators();
    assertThat(indicators).extracting(Indicator::name, Indicator::direction)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Night-time noise complaints",
            Indicator.Direction.DECREASE));
    assertThat(need.challenge(key).orElseThrow().stakeholders()).containsExactly("sam");

    // sam answers the consultation he was invited to.
    browser.login("tasklist", "sam");
    WebElement consultation = browser.openTask(task(key, "Task_GiveConsultationInput", "sam").getId());
    assertThat(browser.value(consultation, "Intended outcomes")).contains("Night-time noise complaints");
    browser.choose(consultation, "Your position", "I support it with changes");
    browser.type(consultation, "Your input", "Also cover weekend services.");
    browser.complete();
    browser.waitFor("the consultation to be answered", () -> open(key, "Task_GiveConsultationInput").isEmpty());
    assertThat(need.consultationInputs(key)).extracting(NeedService.ConsultationInput::input)
        .containsExactly("Also cover weekend services.");

    cases.submit(key, "Task_ConsolidateConsultation", CaseDriver.form("consolidation", "Weekends added."));

    // mara sends it back; olivia sees the comment and her earlier framing, list and tags included.
    browser.login("tasklist", "mara");
    WebElement approval = browser.openTask(task(key, "Task_ApprovePublication", null).getId());
    assertThat(browser.value(approval, "Consultation outcome")).isEqualTo("Weekends added.");
    browser.choose(approval, "Decision", "Send back for rework");
    browser.type(approval, "Comment", "Name the routes concerned.");
    browser.complete();
    browser.waitFor("the rework task", () -> !open(key, "Task_FrameChallenge").isEmpty());

    browser.login("tasklist", "olivia");
    WebElement rework = browser.openTask(task(key, "Task_FrameChallenge", null).getId());
    assertThat(browser.value(rework, "Manager's comment on the previous version"))
        .isEqualTo("Name the routes concerned.");
    assertThat(browser.rows(rework, "Outcome indicators")).hasSize(1);
    assertThat(browser.value(browser.rows(rework, "Outcome indicators").get(0), "Indicator"))
        .isEqualTo("Night-time noise complaints");
    assertThat(browser.tags(rework, "Stakeholders to consult")).containsExactly("Sam Stakeholder (sam)");
  }

  @Test
  void juryWorksItsTasksInTasklist() {
    String key = cases.publishedChallenge("Greener school yards " + System.nanoTime());
    cases.researchWithFinding(key);
    List<Solution> eligible = cases.intakeWithEligibleSolutions(key);
    Solution first = eligible.get(0);
    Solution second = eligible.get(1);

    // olivia composes the jury: a juror and a seat per row, from the jurors group shown on the form.
    browser.login("tasklist", "olivia");
    WebElement compose = browser.openTask(task(key, "Task_ComposeJury", null).getId());
    assertThat(browser.value(compose, "Eligible solutions")).contains(first.title(), second.title());
    assertThat(browser.value(compose, "Members of the jurors group (username: name)")).contains("judy: Judy Juror");
    assertThat(browser.shown(compose, "Why the jury must be revised")).isFalse();
    while (browser.rows(compose, "Jurors").size() < 3) {
      browser.addRow(compose, "Jurors");
    }
    List<SearchContext> members = browser.rows(compose, "Jurors");
    String[][] jury3 = {{"jonas", "Citizen"}, {"judy", "Domain expert"}, {"jules", "Provider-independent technical expert"}};
    for (int i = 0; i < 3; i++) {
      browser.type(members.get(i), "Juror (username)", jury3[i][0]);
      browser.select(members.get(i), "Seat", jury3[i][1]);
    }
    browser.complete();
    browser.waitFor("the jurors' declarations", () -> open(key, "Task_DeclareConflicts").size() == 3);

    // judy declares a conflict with the first solution: the nature field appears for that row only.
    browser.login("tasklist", "judy");
    WebElement declare = browser.openTask(task(key, "Task_DeclareConflicts", "judy").getId());
    assertThat(browser.rows(declare, "Declarations")).hasSize(2);
    assertThat(browser.shown(browser.row(declare, "Declarations", "Solution", first.label()),
        "Nature of the conflict")).isFalse();
    browser.select(browser.row(declare, "Declarations", "Solution", first.label()), "Conflict of interest",
        "Conflict");
    browser.select(browser.row(declare, "Declarations", "Solution", second.label()), "Conflict of interest",
        "No conflict");
    SearchContext conflicted = browser.row(declare, "Declarations", "Solution", first.label());
    assertThat(browser.shown(conflicted, "Nature of the conflict")).isTrue();
    assertThat(browser.shown(browser.row(declare, "Declarations", "Solution", second.label()),
        "Nature of the conflict")).isFalse();
    browser.type(conflicted, "Nature of the conflict", "I advised its provider last year.");
    browser.complete();
    browser.waitFor("judy's declaration", () -> open(key, "Task_DeclareConflicts", "judy").isEmpty());
    assertThat(conflicts.recusals(key, "judy")).containsExactly(first.id());
    for (String juror : List.of("jules", "jonas")) {
      cases.declareNoConflicts(key, juror);
    }

    // judy scores, per criterion, only the solution she has no conflict with.
    browser.waitFor("judy's scoring task", () -> !open(key, "Task_EvaluateSolutions", "judy").isEmpty());
    WebElement evaluate = browser.openTask(task(key, "Task_EvaluateSolutions", "judy").getId());
    List<SearchContext> toScore = browser.rows(evaluate, "Scores");
    assertThat(toScore).hasSize(3);
    for (SearchContext row : toScore) {
      assertThat(browser.value(row, "Solution")).isEqualTo(second.label());
      browser.type(row, "Score", "7");
      browser.type(row, "Justification", "Cheap to maintain.");
    }
    browser.complete();
    browser.waitFor("judy's scores", () -> open(key, "Task_EvaluateSolutions", "judy").isEmpty());

    for (String juror : List.of("jules", "jonas")) {
      cases.evaluate(key, juror, id -> id == first.id() ? 9 : 6);
    }

    // olivia chairs the deliberation: weighted means shown, consensus and rank typed, the award tagged.
    browser.login("tasklist", "olivia");
    WebElement decide = browser.openTask(task(key, "Task_DecideAward", null).getId());
    List<SearchContext> consensus = browser.rows(decide, "Consensus");
    assertThat(consensus).hasSize(2);
    assertThat(browser.value(consensus.get(0), "Solution")).isEqualTo(first.label());
    assertThat(browser.value(consensus.get(0), "Weighted mean")).startsWith("9");
    for (int i = 0; i < 2; i++) {
      browser.type(consensus.get(i), "Rank", i + 1);
      browser.type(consensus.get(i), "Consensus score", i == 0 ? "9" : "6.5");
      browser.type(consensus.get(i), "Rationale", "Agreed in the meeting.");
    }
    assertThat(browser.shown(decide, "Awarded solutions")).isFalse();
    browser.choose(decide, "Decision", "Award");
    assertThat(browser.shown(decide, "Awarded solutions")).isTrue();
    browser.tag(decide, "Awarded solutions", first.title().substring(0, 5), first.label());
    browser.type(decide, "Reason", "Highest consensus score.");
    browser.complete();
    browser.waitFor("the award confirmation", () -> !open(key, "Task_ConfirmAward").isEmpty());
    assertThat(decisions.currentDecision(key).orElseThrow().solutionId()).isEqualTo(first.id());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aProviderSubmitsAnOfficialScreensInTasklistAndCitizensFindIt() {
    String word = "zs" + Long.toString(System.nanoTime(), 36);
    String key = cases.publishedChallenge("Screening in Tasklist " + word);
    cases.researchWithFinding(key);
    Map<String, Object> body = new java.util.HashMap<>(CaseDriver
        .submissionBody("Solar " + word + " benches"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.withBasicAuth("paula", "demo").postForEntity("/api/challenges/" + key + "/submissions",
        new HttpEntity<>(body, headers), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    browser.login("tasklist", "olivia");
    WebElement screen = browser.openTask(task(key, "Task_ScreenSubmission", null).getId());
    assertThat(browser.value(screen, "Solution")).isEqualTo("Solar " + word + " benches");
    assertThat(browser.value(screen, "Attachments (links)")).contains("https://lights.example/pilot.pdf");
    assertThat(browser.pageText()).doesNotContain("Unit price");
    browser.choose(screen, "Eligibility", "Eligible");
    browser.type(screen, "Reason", "Meets the outcomes.");
    browser.complete();
    browser.waitFor("the screening to be recorded", () -> open(key, "Task_ScreenSubmission").isEmpty());

    List<Map<String, Object>> found = (List<Map<String, Object>>) http.getForEntity("/api/public/solutions?q=" + word,
        Map.class).getBody().get("items");
    assertThat(found).extracting(i -> i.get("title"), i -> i.get("status"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Solar " + word + " benches", "ELIGIBLE"));
  }

  // ------------------------------------------------------------------ helpers

  private String caseKey(String title) {
    return db.sql("select business_key from procurement_case where title = :t").param("t", title)
        .query(String.class).optional().orElse(null);
  }

  private List<Task> open(String key, String taskKey) {
    return cases.tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey).list();
  }

  private List<Task> open(String key, String taskKey, String assignee) {
    return cases.tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey)
        .taskAssignee(assignee).list();
  }

  private Task task(String key, String taskKey, String assignee) {
    return cases.task(key, taskKey, assignee);
  }
}
