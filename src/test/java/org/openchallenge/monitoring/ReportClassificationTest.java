package org.openchallenge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The decision table reportClassification at its boundaries, and each report classified as it is filed. */
@ProcessTest
class ReportClassificationTest {

  @Autowired DecisionService decisions;
  @Autowired CaseDriver driver;
  @Autowired JdbcClient db;

  String classify(double gap) {
    return decisions.evaluateDecisionTableByKey("reportClassification", Variables.putValue("progressGap", gap))
        .getSingleResult().getSingleEntry();
  }

  @Test
  void theTableClassifiesAtItsBoundaries() {
    assertThat(classify(-0.5)).isEqualTo("ON_TRACK");
    assertThat(classify(0.1)).isEqualTo("ON_TRACK");
    assertThat(classify(0.1001)).isEqualTo("AT_RISK");
    assertThat(classify(0.3)).isEqualTo("AT_RISK");
    assertThat(classify(0.3001)).isEqualTo("OFF_TRACK");
    assertThat(classify(1.0)).isEqualTo("OFF_TRACK");
  }

  @Test
  void eachReportIsClassifiedAgainstTheElapsedContractAndPublished() {
    String key = driver.publishedChallenge("Classified reports");
    List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.confirmAndContract(key);

    // The contract starts in the future: nothing is expected yet, so any progress is on track.
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 40, 12.5);
    assertThat(status(key, 1)).isEqualTo("ON_TRACK");
    assertThat(driver.history.createHistoricVariableInstanceQuery().variableName("reportStatus")
        .processInstanceId(driver.phase(key, "impactMonitoring").getId()).singleResult().getValue())
        .isEqualTo("ON_TRACK");

    // Move the contract into the past: most of it has elapsed and nothing moved, so the next report is off track.
    db.sql("update contract set start_date = :s, end_date = :e where case_id = (select id from procurement_case "
        + "where business_key = :k)").param("s", java.time.LocalDate.now().minusMonths(10))
        .param("e", java.time.LocalDate.now().plusMonths(2)).param("k", key).update();
    driver.fireTimer(key, "Event_ReportingPeriodElapsed");
    driver.fileReport(key, 38, 12.8);
    assertThat(status(key, 2)).isEqualTo("OFF_TRACK");
  }

  String status(String key, int period) {
    return db.sql("select r.status from monitoring_report r join procurement_case c on c.id = r.case_id "
        + "where c.business_key = :k and r.period = :p").param("k", key).param("p", period).query(String.class)
        .single();
  }
}
