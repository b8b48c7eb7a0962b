package org.openchallenge.intake;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The open catalogue as an anonymous citizen sees it: what is public, search, filters, paging, bad parameters. */
@ProcessTest
class CatalogueTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;

  record Submitted(long id, String title) {
  }

  Submitted submit(String key, String provider, String title) {
    Map<String, Object> body = SubmissionApiTest.submission(title);
    body.put("summary", "Summary of " + title);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> created = http.withBasicAuth(provider, RoleSetup.DEMO_PASSWORD)
        .postForEntity(SubmissionApiTest.path(key), new HttpEntity<>(body, headers), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return new Submitted(((Number) created.getBody().get("id")).longValue(), title);
  }

  void withdraw(String key, String provider, long id) {
    assertThat(http.withBasicAuth(provider, RoleSetup.DEMO_PASSWORD).exchange(SubmissionApiTest.path(key) + "/" + id,
        HttpMethod.DELETE, null, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> items(String query) {
    ResponseEntity<Map> page = http.getForEntity("/api/public/solutions?" + query, Map.class);
    assertThat(page.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
    return (List<Map<String, Object>>) page.getBody().get("items");
  }

  List<String> titles(String query) {
    return items(query).stream().map(i -> i.get("title").toString()).toList();
  }

  @Test
  void citizensSeeScreenedSubmissionsAndPublishedFindingsButNothingConfidential() {
    String word = "zq" + Long.toString(System.nanoTime(), 36);
    String key = driver.publishedChallenge("Catalogue " + word);
    driver.researchWithFinding(key);
    Submitted eligible = submit(key, "paula", "Eligible " + word + " lights");
    Submitted refused = submit(key, "pedro", "Refused " + word + " barriers");
    driver.screen(key, eligible.id(), true);
    driver.screen(key, refused.id(), false);
    withdraw(key, "pedro", refused.id());
    // pedro tries again: unscreened, his new submission is not public; withdrawn before screening, it never is.
    Submitted draft = submit(key, "pedro", "Draft " + word);
    assertThat(titles("challenge=" + key)).doesNotContain(draft.title());
    assertThat(http.getForEntity("/api/public/solutions/" + draft.id(), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    withdraw(key, "pedro", draft.id());

    List<Map<String, Object>> all = items("challenge=" + key);
    assertThat(all).extracting(i -> i.get("title")).containsExactly(refused.title(), eligible.title(),
        "Raised crossings");
    assertThat(all).extracting(i -> i.get("status")).containsExactly("WITHDRAWN", "ELIGIBLE", "FOUND");
    assertThat(all.get(1)).containsEntry("screeningReason", "Meets the outcomes.")
        .containsEntry("maturityReferences", "Utrecht since 2024").containsEntry("challenge", key);
    String raw = http.getForEntity("/api/public/solutions?size=100&challenge=" + key, String.class).getBody();
    assertThat(raw).doesNotContain("Unit price", "confidential", "paula\"", "pedro\"", "providerUsername",
        "info@safestreets.example");
    assertThat(http.getForEntity("/api/public/solutions/" + eligible.id(), Map.class).getBody())
        .containsEntry("title", eligible.title()).doesNotContainKey("confidentialDetails");
  }

  @Test
  void searchFiltersAndPagesInAStableOrder() {
    String word = "zr" + Long.toString(System.nanoTime(), 36);
    String key = driver.publishedChallenge("Search " + word);
    driver.researchWithFinding(key);
    Submitted lights = submit(key, "paula", "Adaptive " + word + " lights");
    Submitted junction = submit(key, "pedro", "Junction " + word + " redesign");
    driver.screen(key, lights.id(), true);
    driver.screen(key, junction.id(), true);

    assertThat(titles("q=" + word)).containsExactlyInAnyOrder(lights.title(), junction.title());
    assertThat(titles("q=" + word + " lights")).containsExactly(lights.title());
    assertThat(titles("q=" + word + "&status=ELIGIBLE&country=NL&organisationType=START_UP&maturity="
        + "DEPLOYED_ELSEWHERE&source=SUBMISSION&challenge=" + key)).hasSize(2);
    assertThat(titles("challenge=" + key + "&source=RESEARCH")).containsExactly("Raised crossings");
    assertThat(titles("q=" + word + "&status=NOT_ELIGIBLE")).isEmpty();

    List<String> first = titles("challenge=" + key + "&size=2&page=0");
    List<String> second = titles("challenge=" + key + "&size=2&page=1");
    assertThat(first).hasSize(2);
    assertThat(second).hasSize(1);
    assertThat(concat(first, second)).containsExactlyElementsOf(titles("challenge=" + key + "&size=10"));
    assertThat(http.getForEntity("/api/public/solutions?challenge=" + key, Map.class).getBody())
        .containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 20);
  }

  @Test
  void badParametersAreRefusedWithTheirName() {
    Map<String, String> bad = Map.of("size=0", "size", "size=101", "size", "page=-1", "page",
        "status=BOGUS", "status", "country=nl", "country", "q=" + "x".repeat(201), "q");
    bad.forEach((query, name) -> {
      ResponseEntity<Map> refused = http.getForEntity("/api/public/solutions?" + query, Map.class);
      assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(query).contains(name);
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.postForEntity("/api/public/solutions", new HttpEntity<>(Map.of(), headers), Map.class)
        .getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
  }

  static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
