package org.openchallenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openchallenge.platform.BrowserTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a manager does in Cockpit, in a headless Chromium: sees the deployed processes and their running cases, opens
 * a case's phase by its business key, and closes a time window early by moving its timer to now (the README's
 * walk-through relies on this, since windows last days to months).
 */
@ProcessTest
class CockpitBrowserTest extends BrowserTest {

  @Autowired
  CaseDriver cases;

  @Test
  void managerFollowsCasesAndClosesAWindowEarly() {
    String key = cases.openNeed("Shaded bus stops " + System.nanoTime()).getBusinessKey();
    cases.submit(key, "Task_FrameChallenge", cases.framing(List.of("sam")));
    String consultation = cases.phase(key, "needOpening").getId();

    browser.login("cockpit", "mara");
    browser.go("/camunda/app/cockpit/default/#/processes");
    browser.waitFor("the process list", () -> browser.pageText().contains("Procurement case"));
    assertThat(browser.pageText()).contains("procurementCase", "needOpening", "research", "solutionIntake",
        "juryDeliberation", "awardContract", "impactMonitoring");

    // The phase instance: its business key, the diagram with the open consultation, and its timer.
    browser.go("/camunda/app/cockpit/default/#/process-instance/" + consultation + "/runtime?tab=jobs-tab");
    browser.visible(By.cssSelector(".djs-container"));
    browser.waitFor("the instance details", () -> browser.pageText().contains(key));
    browser.waitFor("the timer in the jobs tab", () -> browser.pageText().contains("Consultation window closed"));

    Job timer = consultationTimer(consultation);
    assertThat(timer.getDuedate().toInstant()).isAfter(Instant.now().plus(13, ChronoUnit.DAYS));
    browser.click(By.cssSelector("a[ng-click='openRecalculationWindow(job)']"));
    // The dialog slides in: a click during the animation can miss the option, and Cockpit then submits nothing.
    By specificDate = By.cssSelector(".modal-content input[type=radio][value=specific]");
    browser.waitFor("the specific-date option to be chosen", () -> {
      browser.click(specificDate);
      return browser.visible(specificDate).isSelected()
          && browser.visible(By.cssSelector(".modal-content input[name=dateValue]")).isEnabled();
    });
    browser.click(By.cssSelector(".modal-content button[ng-click='submit()']"));
    // Cockpit sends the change in the background and closes its dialog at once; on a busy machine it lands late.
    browser.waitFor("the timer to be due now", java.time.Duration.ofSeconds(60), () ->
        consultationTimer(consultation).getDuedate().toInstant().isBefore(Instant.now().plus(1, ChronoUnit.MINUTES)));

    // The job executor (off in tests) would fire it within a minute; the consultation then closes unanswered.
    cases.management.executeJob(consultationTimer(consultation).getId());
    assertThat(cases.openTasks(key)).containsExactly("Task_ConsolidateConsultation");
  }

  private Job consultationTimer(String processInstanceId) {
    return cases.management.createJobQuery().processInstanceId(processInstanceId)
        .activityId("Timer_ConsultationWindowClosed").singleResult();
  }
}
