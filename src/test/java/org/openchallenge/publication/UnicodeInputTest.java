package org.openchallenge.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseService;
import org.openchallenge.security.RoleSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Through HTTP: invalid Unicode and control characters are refused where text enters (the JSON API and task forms)
 * and store nothing; every kind of odd but valid Unicode is stored normalised and read back from the public feed with
 * its hashes verifying.
 */
@ProcessTest
class UnicodeInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired CaseDriver driver;
  @Autowired CaseService cases;
  @Autowired LedgerFeed feed;

  @Test
  void aLoneSurrogateOrControlCharacterInTheJsonApiIsRefusedNamingTheFieldAndNothingIsStored() {
    String key = driver.publishedChallenge("Lone surrogate in a cancellation");
    String path = "/api/cases/" + key + "/cancellation";
    long head = feed.head().position();

    // Written as JSON escapes: a Java string holding them could not even be sent as UTF-8.
    for (String reason : new String[] {"x\\ud800y", "x\\udc00y", "end\\ud83d", "a\\u0000b", "bell\\u0007",
        "c1\\u0085control"}) {
      ResponseEntity<Map> refused = postRaw("olivia", path, "{\"reason\":\"" + reason + "\"}");
      assertThat(refused.getStatusCode()).as(reason).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(reason).startsWith("reason: contains");
      assertThat(refused.getBody()).containsKeys("timestamp", "status", "error");
    }
    assertThat(cases.require(key).outcome()).isNull();
    assertThat(feed.head().position()).isEqualTo(head);
    assertThat(http.getForEntity("/api/public/ledger?after=" + Math.max(0, head - 5) + "&limit=10", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aLoneSurrogateInATaskFormIsRefusedNamingTheFieldAndTheTaskStaysOpen() {
    String key = driver.openNeed("Lone surrogate in a form").getBusinessKey();
    String taskId = driver.task(key, "Task_FrameChallenge", null).getId();
    long head = feed.head().position();
    ResponseEntity<Map> refused = postRaw("olivia", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"challengeQuestion\":{\"value\":\"How x\\ud800y?\"}}}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString())
        .contains("Challenge question contains invalid Unicode");
    ResponseEntity<Map> control = postRaw("olivia", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"challengeQuestion\":{\"value\":\"How\\u001b[31m?\"}}}");
    assertThat(control.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(control.getBody().get("message").toString())
        .contains("Challenge question contains the control character U+001B");
    assertThat(driver.openTasks(key)).containsExactly("Task_FrameChallenge");
    assertThat(driver.tasks.getVariableLocal(taskId, "challengeQuestion")).isNull();
    assertThat(feed.head().position()).isEqualTo(head);
  }

  @Test
  void oddButValidUnicodeIsStoredNormalisedAndTheFeedServesItWithHashesVerifying() throws Exception {
    String key = driver.publishedChallenge("Odd but valid Unicode");
    String odd = String.join(" ",
        "Family \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 (ZWJ sequence), flag \uD83C\uDDF3\uD83C\uDDF1,",
        "math \uD835\uDD4C\uD835\uDD5F\uD835\uDD5A, CJK extension B \uD840\uDC0B,",
        "combining Cafe\u0301 and A\u030A\u0323,", "RTL mark \u200F and embedding \u202Bשלום\u202C,",
        "Arabic مرحبا, Devanagari नमस्ते, Greek Ελληνικά, Cyrillic Привет, Thai สวัสดี,",
        "line separator \u2028 paragraph separator \u2029, zero width \u200B\u200C\u200D\uFEFF,",
        "tab\tnewline\ncarriage\r, quotes \" and backslash \\ and </script>.");
    String expected = Normalizer.normalize(odd, Normalizer.Form.NFC);
    assertThat(expected).isNotEqualTo(odd); // the combining marks compose

    ResponseEntity<Map> cancelled = postRaw("olivia", "/api/cases/" + key + "/cancellation",
        JSON.writeValueAsString(Map.of("reason", odd)));
    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cases.require(key).outcomeReason()).isEqualTo(expected);

    ResponseEntity<byte[]> timeline = http.getForEntity("/api/public/challenges/" + key + "/timeline?limit=1000",
        byte[].class);
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode page = JSON.readTree(timeline.getBody());
    JsonNode entry = null;
    for (JsonNode e : page.get("entries")) {
      if (e.get("kind").asText().equals("case.cancelled")) {
        entry = e;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("data").get("reason").asText()).isEqualTo(expected);
    // The chain hash recomputed from what the client received, as docs/publication.md tells clients to.
    Ledger.Entry received = new Ledger.Entry(0, entry.get("position").asLong(), entry.get("caseKey").asText(),
        OffsetDateTime.parse(entry.get("occurredAt").asText()), entry.get("kind").asText(),
        entry.get("subject").isNull() ? null : entry.get("subject").asText(), entry.get("actorRole").asText(),
        JSON.writeValueAsString(entry.get("data")), null, entry.get("contentHash").asText(), null, null);
    assertThat(Ledger.chainHash(entry.get("previousHash").asText(), received.position(), received))
        .isEqualTo(entry.get("hash").asText());

    // Every feed window holding the entry answers, and the whole chain verifies.
    long position = entry.get("position").asLong();
    assertThat(http.getForEntity("/api/public/ledger?after=" + (position - 1) + "&limit=1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<?, ?> verification = http.getForObject("/api/public/ledger/verification", Map.class);
    assertThat(verification.get("firstBrokenPosition")).isNull();
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> postRaw(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8));
    return http.withBasicAuth(user, RoleSetup.DEMO_PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
  }
}
