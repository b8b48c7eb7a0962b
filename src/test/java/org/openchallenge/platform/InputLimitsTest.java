package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Through HTTP: absurd dates, unknown currencies and countries, and loose enum values are refused and store nothing. */
@ProcessTest
class InputLimitsTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired JdbcClient db;

  @Test
  void aScoringDeadlineOutsideTheCasesRangeIsRefusedAndTheTaskStaysOpen() {
    String key = driver.publishedChallenge("Absurd scoring deadline");
    driver.researchWithFinding(key);
    driver.intakeWithEligibleSolutions(key);
    String taskId = driver.task(key, "Task_ComposeJury", null).getId();
    List<Map<String, Object>> jury = CaseDriver.defaultJury();
    for (String deadline : new String[] {"+999999999-12-31", LocalDate.now().plusYears(21).toString(), "1999-01-01"}) {
      ResponseEntity<Map> refused = post("olivia", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables",
          Map.of("members", Map.of("value", FormData.json(jury).getValue().toString(), "type", "Json"),
              "scoringDeadline", Map.of("value", deadline))));
      assertThat(refused.getStatusCode()).as(deadline).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(deadline).contains("Scoring deadline must be between");
    }
    assertThat(driver.openTasks(key)).containsExactly("Task_ComposeJury");
    assertThat(db.sql("select count(*) from jury_member m join procurement_case c on c.id = m.case_id "
        + "where c.business_key = :k").param("k", key).query(Long.class).single()).isZero();
  }

  @Test
  void aContractEndingBeyondTwentyYearsIsRefused() {
    String key = driver.publishedChallenge("Absurd contract end");
    var eligible = driver.caseAwaitingJuryDecision(key);
    driver.decideAward(key, eligible.get(0).id());
    driver.submit(key, "Task_ConfirmAward", CaseDriver.form("confirmation", "CONFIRM"));
    String taskId = driver.task(key, "Task_RecordContract", null).getId();
    Map<String, Object> contract = new HashMap<>(CaseDriver.contract(
        driver.prefilledRows(key, "Task_RecordContract", null, "targets"), List.of()));
    contract.put("endDate", "+999999999-12-31");
    Map<String, Object> variables = new HashMap<>();
    contract.forEach((k, v) -> variables.put(k, v instanceof org.camunda.bpm.engine.variable.value.TypedValue t
        ? Map.of("value", t.getValue().toString(), "type", "Json") : Map.of("value", v)));
    ResponseEntity<Map> refused = post("olivia", "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("End date must be between");
    variables.put("endDate", Map.of("value", CaseDriver.CONTRACT_END.toString()));
    variables.put("currency", Map.of("value", "ZZZ"));
    ResponseEntity<Map> currency = post("olivia", "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables));
    assertThat(currency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(currency.getBody().get("message").toString()).contains("Currency must be an ISO 4217 currency code");
    assertThat(driver.openTasks(key)).containsExactly("Task_RecordContract");
    assertThat(db.sql("select count(*) from contract k join procurement_case c on c.id = k.case_id "
        + "where c.business_key = :k").param("k", key).query(Long.class).single()).isZero();
  }

  @Test
  void theStartFormRefusesACurrencyOutsideIso4217AndOpensNoCase() {
    long before = db.sql("select count(*) from procurement_case").query(Long.class).single();
    for (String currency : new String[] {"AAA", "ZZZ", "XTS", "DEM", "eur"}) {
      Map<String, Object> form = CaseDriver.needForm("Currency " + currency);
      Map<String, Object> variables = new HashMap<>();
      form.forEach((k, v) -> variables.put(k, Map.of("value", k.equals("currency") ? currency : v)));
      ResponseEntity<Map> refused = post("olivia",
          "/engine-rest/process-definition/key/procurementCase/submit-form", Map.of("variables", variables));
      assertThat(refused.getStatusCode()).as(currency).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(currency)
          .contains("Currency must be an ISO 4217 currency code");
    }
    assertThat(db.sql("select count(*) from procurement_case").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void theProviderApiRefusesUnknownCodesNumbersForEnumsUntrimmedNamesAndUnlabelledAttachments() {
    String key = driver.publishedChallenge("Codes in submissions");
    driver.researchWithFinding(key);
    String path = "/api/challenges/" + key + "/submissions";
    Map<String, String> refusals = Map.of(
        "costCurrency", "costCurrency must be an ISO 4217 currency code",
        "country", "country must be an ISO 3166-1 alpha-2 country code");
    for (String currency : new String[] {"AAA", "ZZZ", "XXX"}) {
      assertRefused(path, with("costCurrency", currency), refusals.get("costCurrency"));
    }
    for (String country : new String[] {"XX", "ZZ", "UK", "EU"}) {
      assertRefused(path, with("country", country), refusals.get("country"));
    }
    assertRefused(path, with("organisationType", 5), "organisationType: must be one of COMPANY, SME, START_UP");
    assertRefused(path, with("organisationType", "START_UP "), "organisationType: must be one of");
    assertRefused(path, with("maturity", "piloted"), "maturity: must be one of");
    assertRefused(path, with("attachments", List.of(Map.of("url", "https://lights.example/a.pdf"))),
        "attachments[0].label must not be blank");
    assertRefused(path, with("attachments", List.of(Map.of("label", " ", "url", "https://lights.example/a.pdf"))),
        "attachments[0].label must not be blank");
    assertThat(driver.openTasks(key)).isEmpty();
    assertThat(db.sql("select count(*) from solution s join procurement_case c on c.id = s.case_id "
        + "where c.business_key = :k and s.source = 'SUBMISSION'").param("k", key).query(Long.class).single())
        .isZero();

    ResponseEntity<Map> accepted = post("paula", path, with("country", "GB"));
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void catalogueFiltersNameEnumsAndCountriesExactly() {
    for (String query : new String[] {"organisationType=START_UP%20", "organisationType=5", "status=eligible",
        "country=UK", "country=XX"}) {
      ResponseEntity<Map> refused = http.getForEntity(java.net.URI.create(http.getRootUri() + "/api/public/solutions?" + query), Map.class);
      assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(query).contains(query.substring(0,
          query.indexOf('=')));
    }
    assertThat(http.getForEntity("/api/public/solutions?organisationType=START_UP&country=NL", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = CaseDriver.submissionBody("Codes " + field);
    body.put(field, value);
    return body;
  }

  private void assertRefused(String path, Map<String, Object> body, String message) {
    ResponseEntity<Map> refused = post("paula", path, body);
    assertThat(refused.getStatusCode()).as(message).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains(message);
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }
}
