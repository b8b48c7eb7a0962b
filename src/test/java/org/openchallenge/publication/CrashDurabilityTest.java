package org.openchallenge.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openchallenge.OpenChallengeApplication;
import org.openchallenge.security.RoleSetup;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A crash loses nothing acknowledged. The application runs in a child JVM on the embedded default (H2 file, with the
 * settings of application.yml) in a temporary folder; officials open cases through the REST API and the public feed
 * is read after each; the child is killed (SIGKILL) right after the last case is acknowledged, and started again on
 * the same file. Every entry served before the kill is still there with the same position and hash, the last
 * case's entries too, and the chain verifies.
 */
class CrashDurabilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyAcknowledgedLedgerEntrySurvivesAKill() throws Exception {
    Map<Long, String> served = new LinkedHashMap<>();
    String lastCase;

    int port = freePort();
    Process first = start(port, "first");
    for (int i = 1; i <= 4; i++) {
      openCase(port, "Crash-safe lights " + i);
      served.putAll(feed(port));
    }
    lastCase = openCase(port, "Crash-safe lights 5");
    // SIGKILL right after the acknowledgement: no shutdown hook, no close of the database.
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(served).hasSizeGreaterThan(4);

    port = freePort();
    start(port, "second");
    Map<Long, String> after = feed(port);
    assertThat(after).containsAllEntriesOf(served);
    Map<?, ?> timeline = get(port, "/api/public/challenges/" + lastCase + "/timeline?limit=1000");
    assertThat((List<?>) timeline.get("entries")).as("the last acknowledged case's entries").isNotEmpty();
    Map<?, ?> verification = get(port, "/api/public/ledger/verification");
    assertThat(verification.get("firstBrokenPosition")).isNull();
    assertThat(((Number) verification.get("verifiedPositions")).longValue()).isEqualTo(after.size());
  }

  /** Opens a case as official olivia through the engine's REST API; answers its business key. */
  private String openCase(int port, String title) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map.<String, Object>of("title", title, "problem", "Dark crossings.", "publicValue", "Safer streets.",
        "department", "Mobility", "budgetEnvelope", 100000, "currency", "EUR", "involvesAi", false)
        .forEach((k, v) -> variables.put(k, Map.of("value", v)));
    HttpRequest request = HttpRequest.newBuilder(uri(port,
            "/engine-rest/process-definition/key/procurementCase/submit-form"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("olivia:" + RoleSetup.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables))))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Object key = JSON.readValue(response.body(), Map.class).get("businessKey");
    assertThat(key).as("business key of the opened case").isNotNull();
    return key.toString();
  }

  /** The whole public feed: position to hash. */
  private Map<Long, String> feed(int port) throws Exception {
    Map<Long, String> entries = new LinkedHashMap<>();
    long after = 0;
    while (true) {
      Map<?, ?> page = get(port, "/api/public/ledger?limit=1000&after=" + after);
      List<?> batch = (List<?>) page.get("entries");
      if (batch.isEmpty()) {
        return entries;
      }
      for (Object e : batch) {
        Map<?, ?> entry = (Map<?, ?>) e;
        entries.put(((Number) entry.get("position")).longValue(), entry.get("hash").toString());
      }
      after = ((Number) page.get("next")).longValue();
    }
  }

  private Map<?, ?> get(int port, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, path))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readValue(response.body(), Map.class);
  }

  /** The application in a child JVM on the H2 file under the temporary folder, once it answers HTTP. */
  private Process start(int port, String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
        OpenChallengeApplication.class.getName(),
        "--spring.profiles.active=crash", "--server.port=" + port, "--server.address=127.0.0.1",
        "--openchallenge.data-dir=" + dir.resolve("data"), "--openchallenge.demo-data=true",
        "--camunda.bpm.job-execution.enabled=false")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // The embedded default, whatever profile runs the suite (.ci/run runs it again on PostgreSQL).
    builder.environment().remove("SPRING_PROFILES_ACTIVE");
    Process child = builder.start();
    children.add(child);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("The application exited with " + child.exitValue() + ":\n" + tail(log));
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri(port, "/api/public/ledger?limit=1"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return child;
        }
      } catch (ConnectException e) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The application did not start within " + START_TIMEOUT + ":\n" + tail(log));
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
