package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openchallenge.ProcessTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Paths Tomcat refuses before the application sees them answer the API's JSON error, not Tomcat's HTML page. The
 * request line is sent raw so that no client decodes or normalises it.
 */
@ProcessTest
class MalformedPathTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/api/public/feed%00", "/api/public/a%2Fb", "/api/public/a%5Cb",
      "/engine-rest/process-definition%00", "/engine-rest/process-definition/a%2Fb",
      "/engine-rest/process-definition/a%5Cb", "/api/cases/%2e%2e%2F%2e%2e%2Fetc"})
  void answers400WithTheJsonErrorBody(String path) throws Exception {
    RawHttp.Reply reply = RawHttp.send("127.0.0.1", port, "GET", path, null, "Accept: text/html");
    assertThat(reply.status()).as(path).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = new ObjectMapper().readValue(reply.body(), Map.class);
    assertThat(body).containsOnlyKeys("timestamp", "status", "error", "message");
    assertThat(body).containsEntry("status", 400).containsEntry("error", "Bad Request");
    assertThat(body.get("message").toString()).contains("%2F");
    assertThat(reply.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception").doesNotContain("<");
    assertThat(reply.header("Server")).isNull();
  }
}
