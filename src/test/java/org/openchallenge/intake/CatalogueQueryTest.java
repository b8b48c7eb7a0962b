package org.openchallenge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Through HTTP: search text is never a pattern, the documented sort orders, and the algorithm register is paged. */
@ProcessTest
class CatalogueQueryTest {

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;

  @SuppressWarnings("unchecked")
  private Map<String, Object> page(String path) {
    // A URI, so that escapes such as %25 reach the server as written (a String is a template and gets encoded).
    ResponseEntity<Map> page = http.getForEntity(URI.create(http.getRootUri() + path), Map.class);
    assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return page.getBody();
  }

  @SuppressWarnings("unchecked")
  private List<String> titles(String query) {
    return ((List<Map<String, Object>>) page("/api/public/solutions?" + query).get("items")).stream()
        .map(i -> i.get("title").toString()).toList();
  }

  @Test
  void wildcardCharactersInTheSearchTextMatchNothingByThemselves() {
    String key = driver.publishedChallenge("Wildcards in search");
    driver.recordFinding(key, "RECORD_AND_FINISH", "Percent_of 100% lights");
    driver.submit(key, "Task_InviteProviders", CaseDriver.form("invitationMessage", "Please submit.",
        "invitationsSent", true));
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Lights."));
    assertThat(((Number) page("/api/public/solutions").get("total")).longValue()).isPositive();

    for (String q : new String[] {"%25", "_", "%25%25", "%25_%25", "%5C", "-", "%22%22"}) {
      Map<String, Object> result = page("/api/public/solutions?q=" + q);
      assertThat(((Number) result.get("total")).longValue()).as(q).isZero();
      assertThat((List<?>) result.get("items")).as(q).isEmpty();
    }
    assertThat(titles("challenge=" + key)).containsExactly("Percent_of 100% lights");
    // Words around them are still searched, as words.
    assertThat(titles("q=percent_of%25&challenge=" + key)).containsExactly("Percent_of 100% lights");
    assertThat(titles("q=lights&challenge=" + key)).containsExactly("Percent_of 100% lights");
  }

  @Test
  void theCatalogueSortsAsDocumentedAndRefusesOtherOrders() {
    String key = driver.publishedChallenge("Sorted catalogue");
    for (String title : List.of("Beta crossing", "alpha crossing", "Gamma crossing")) {
      driver.recordFinding(key, "RECORD_AND_CONTINUE", title);
    }
    driver.recordFinding(key, "RECORD_AND_FINISH", "Delta crossing");
    driver.submit(key, "Task_InviteProviders", CaseDriver.form("invitationMessage", "Please submit.",
        "invitationsSent", true));
    driver.submit(key, "Task_WriteResearchBrief", CaseDriver.form("landscape", "Crossings."));

    String of = "challenge=" + key;
    assertThat(titles(of)).containsExactly("Delta crossing", "Gamma crossing", "alpha crossing", "Beta crossing");
    assertThat(titles(of + "&sort=newest")).containsExactly("Delta crossing", "Gamma crossing", "alpha crossing",
        "Beta crossing");
    assertThat(titles(of + "&sort=oldest")).containsExactly("Beta crossing", "alpha crossing", "Gamma crossing",
        "Delta crossing");
    assertThat(titles(of + "&sort=title")).containsExactly("alpha crossing", "Beta crossing", "Delta crossing",
        "Gamma crossing");
    assertThat(titles(of + "&sort=title&size=2&page=1")).containsExactly("Delta crossing", "Gamma crossing");
    assertThat(titles(of + "&q=crossing&sort=oldest")).containsExactly("Beta crossing", "alpha crossing",
        "Gamma crossing", "Delta crossing");
    assertThat(titles(of + "&q=crossing&sort=relevance")).hasSize(4);

    for (String sort : new String[] {"price", "TITLE", "title%20", "id%20desc"}) {
      ResponseEntity<Map> refused = http.getForEntity(URI.create(http.getRootUri() + "/api/public/solutions?sort=" + sort), Map.class);
      assertThat(refused.getStatusCode()).as(sort).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).startsWith("sort must be");
    }
  }

  @Test
  void theAlgorithmRegisterIsPagedLikeTheCatalogue() {
    Map<String, Object> first = page("/api/public/algorithm-register?size=1");
    assertThat(first).containsKeys("items", "page", "size", "total");
    assertThat(first.get("size")).isEqualTo(1);
    long total = ((Number) first.get("total")).longValue();
    assertThat((List<?>) first.get("items")).hasSize((int) Math.min(1, total));
    assertThat(page("/api/public/algorithm-register").get("size")).isEqualTo(20);
    assertThat((List<?>) page("/api/public/algorithm-register?page=10000&size=100").get("items")).isEmpty();

    for (String query : new String[] {"size=0", "size=101", "page=-1", "page=10001", "size=x"}) {
      ResponseEntity<Map> refused = http.getForEntity(URI.create(http.getRootUri() + "/api/public/algorithm-register?" + query), Map.class);
      assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(query)
          .contains(query.substring(0, query.indexOf('=')));
    }
  }
}
