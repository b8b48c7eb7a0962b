package org.openchallenge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseService;
import org.openchallenge.intake.Solution;
import org.openchallenge.platform.BrowserTest;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery's forms in the real Tasklist: the contract with its prefilled targets (one changed, with a reason), a
 * milestone added with the date picker; and a manager's decision on an off-track report, whose plan and follow-up
 * date appear only for a corrective plan.
 */
@ProcessTest
class MonitoringBrowserTest extends BrowserTest {

  @Autowired CaseDriver cases;
  @Autowired CaseService caseService;
  @Autowired DeliveryService delivery;
  @Autowired OffTrackEscalation escalation;
  @Autowired JdbcClient db;

  @Test
  void aContractAndAnOffTrackDecisionAreRecordedInTasklist() {
    String key = cases.publishedChallenge("Delivery in Tasklist " + System.nanoTime());
    List<Solution> eligible = cases.caseAwaitingJuryDecision(key);
    cases.decideAward(key, eligible.get(0).id());
    cases.submit(key, "Task_ConfirmAward", CaseDriver.form("confirmation", "CONFIRM"));

    browser.login("tasklist", "olivia");
    WebElement contract = browser.openTask(cases.task(key, "Task_RecordContract", null).getId());
    browser.type(contract, "Contract value", "150000");
    browser.date(contract, "Start date", LocalDate.of(2027, 1, 1));
    browser.date(contract, "End date", LocalDate.of(2028, 12, 31));
    List<SearchContext> targets = browser.rows(contract, "Targets");
    assertThat(targets).hasSize(2);
    assertThat(browser.value(targets.get(0), "Target framed with the challenge")).isEqualTo("10 injuries/year");
    browser.type(targets.get(0), "Agreed target", "15");
    browser.type(targets.get(0), "Reason for a change", "Eight of twelve crossings fit the budget.");
    SearchContext milestone = browser.addRow(contract, "Milestones");
    browser.type(milestone, "Milestone", "First crossing rebuilt");
    browser.date(milestone, "Due date", LocalDate.of(2027, 6, 30));
    browser.complete();
    browser.waitFor("the contract to be recorded", () -> !delivery.milestones(key).isEmpty());
    assertThat(delivery.milestones(key)).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("First crossing rebuilt");
      assertThat(m.dueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
    });
    assertThat(delivery.targetChanges(key)).singleElement()
        .satisfies(c -> assertThat(c.newTarget()).isEqualByComparingTo("15"));

    // Half the contract elapsed and nothing moved: the report is off track and goes to the managers.
    db.sql("update contract set start_date = :s, end_date = :e where case_id = :c")
        .param("s", LocalDate.now().minusDays(100)).param("e", LocalDate.now().plusDays(100))
        .param("c", caseService.require(key).id()).update();
    cases.fireTimer(key, "Event_ReportingPeriodElapsed");
    cases.fileReport(key, 40, 12.5);

    browser.login("tasklist", "mara");
    WebElement decide = browser.openTask(cases.task(key, "Task_DecideOffTrackReport", null).getId());
    assertThat(browser.value(decide, "Report")).contains("OFF_TRACK");
    assertThat(browser.shown(decide, "Corrective action plan")).isFalse();
    browser.choose(decide, "Decision", "Require a corrective action plan");
    browser.type(decide, "Reason", "No crossing rebuilt at half time.");
    browser.type(decide, "Corrective action plan", "A second crew works <b>weekends</b>.");
    LocalDate followUp = LocalDate.now().plusDays(21);
    browser.date(decide, "Follow-up due date", followUp);
    browser.complete();
    browser.waitFor("the decision to be recorded", () -> !escalation.decisions(key).isEmpty());
    assertThat(escalation.decisions(key)).singleElement().satisfies(d -> {
      assertThat(d.decision()).isEqualTo(OffTrackEscalation.Decision.CORRECTIVE_PLAN);
      assertThat(d.correctivePlan()).isEqualTo("A second crew works <b>weekends</b>.");
      assertThat(d.followUpDate()).isEqualTo(followUp);
    });
  }
}
