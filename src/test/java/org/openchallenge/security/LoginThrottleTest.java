package org.openchallenge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openchallenge.ProcessTest;
import org.openchallenge.platform.RawHttp;
import org.openchallenge.platform.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Guessing passwords locks nobody out for good: the engine's lock after a failed login expires, an administrator
 * can lift it, and a source (client address) that fails too often is refused with 429 while other sources are not.
 * Each loopback address (127.0.0.x) is another source. The engine's clock is moved past each lock instead of
 * waiting for it; the per-source throttle keeps real time.
 */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

  static final String BAD_PASSWORD = "guess-Xq7-not-it";
  static final String ENGINE = "/engine-rest/process-definition?maxResults=1";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  /** The attacked users' locks were set on the moved clock; lift them, or they outlast it for the other tests. */
  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    for (String attacked : java.util.List.of("oscar", "jules", "sofia")) {
      identity.unlockUser(attacked);
    }
  }

  @Test
  void anAttackedUserIsNeverLockedForGoodAndTheAttackingSourceGets429(CapturedOutput output) throws Exception {
    String user = "oscar";
    // More failures than the engine's old permanent lock allowed (10), each after the previous lock expired.
    for (int i = 0; i < 10; i++) {
      assertThat(basic("127.0.0.2", user, BAD_PASSWORD).status()).as("failure " + (i + 1)).isEqualTo(401);
      stepPastTheLock();
    }
    Reply refused = basic("127.0.0.2", user, BAD_PASSWORD);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
    assertJsonError(refused, 429, "Too many failed logins");
    // The throttle is per source: even the right password is refused from there for now.
    assertThat(basic("127.0.0.2", user, RoleSetup.DEMO_PASSWORD).status()).isEqualTo(429);

    for (int i = 0; i < 2; i++) {
      assertThat(basic("127.0.0.3", user, BAD_PASSWORD).status()).isEqualTo(401);
      stepPastTheLock();
    }
    // Twelve failures, and the user logs in from elsewhere.
    assertThat(basic("127.0.0.4", user, RoleSetup.DEMO_PASSWORD).status()).isEqualTo(200);

    assertThat(output.getAll()).contains("Failed login for user 'oscar' from 127.0.0.2 (HTTP Basic)")
        .contains("Failed login for user 'oscar' from 127.0.0.3").doesNotContain(BAD_PASSWORD);
  }

  @Test
  void theLockAfterAFailedLoginExpiresOrAnAdministratorLiftsIt() throws Exception {
    String user = "jules";
    assertThat(basic("127.0.0.5", user, BAD_PASSWORD).status()).isEqualTo(401);
    // Locked for now, even with the right password...
    assertThat(basic("127.0.0.5", user, RoleSetup.DEMO_PASSWORD).status()).isEqualTo(401);
    stepPastTheLock();
    // ...and not once the lock has expired.
    assertThat(basic("127.0.0.5", user, RoleSetup.DEMO_PASSWORD).status()).isEqualTo(200);

    assertThat(basic("127.0.0.5", user, BAD_PASSWORD).status()).isEqualTo(401);
    assertThat(basic("127.0.0.5", user, RoleSetup.DEMO_PASSWORD).status()).isEqualTo(401);
    assertThat(RawHttp.send("127.0.0.6", port, "POST", "/engine-rest/user/" + user + "/unlock", "",
        auth("olivia", RoleSetup.DEMO_PASSWORD)).status()).as("unlock by an official").isEqualTo(403);
    assertThat(RawHttp.send("127.0.0.6", port, "POST", "/engine-rest/user/" + user + "/unlock", "",
        auth("admin", RoleSetup.DEMO_PASSWORD)).status()).as("unlock by the administrator").isEqualTo(204);
    assertThat(basic("127.0.0.5", user, RoleSetup.DEMO_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void theWebappLoginIsThrottledAndLoggedToo(CapturedOutput output) throws Exception {
    String source = "127.0.0.7";
    for (int i = 0; i < 10; i++) {
      assertThat(webappLogin(source, "sofia", BAD_PASSWORD).status()).as("failure " + (i + 1)).isEqualTo(401);
      stepPastTheLock();
    }
    Reply refused = webappLogin(source, "sofia", RoleSetup.DEMO_PASSWORD);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotBlank();
    assertJsonError(refused, 429, "Too many failed logins");
    assertThat(webappLogin("127.0.0.8", "sofia", RoleSetup.DEMO_PASSWORD).status()).isEqualTo(200);
    assertThat(output.getAll()).contains("Failed login for user 'sofia' from 127.0.0.7 (webapp login)")
        .doesNotContain(BAD_PASSWORD);
  }

  @Test
  void aForgedUserNameCannotForgeALogLine(CapturedOutput output) throws Exception {
    assertThat(basic("127.0.0.9", "nobody\nINFO all is well", BAD_PASSWORD).status()).isEqualTo(401);
    assertThat(output.getAll()).contains("Failed login for user 'nobody?INFO all is well' from 127.0.0.9");
  }

  /** Moves the engine's clock past the longest lock after a failed login (60 s). */
  private static void stepPastTheLock() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 61_000));
  }

  private Reply basic(String source, String user, String password) throws Exception {
    return RawHttp.send(source, port, "GET", ENGINE, null, auth(user, password));
  }

  private static String auth(String user, String password) {
    return "Authorization: Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The webapps' login form, with the session cookie and CSRF token the webapps hand out first. */
  private Reply webappLogin(String source, String user, String password) throws Exception {
    Reply page = RawHttp.send(source, port, "GET", "/camunda/app/tasklist/default/", null);
    StringBuilder cookies = new StringBuilder();
    String token = null;
    for (String cookie : page.setCookies()) {
      String pair = cookie.split(";", 2)[0];
      cookies.append(cookies.isEmpty() ? "" : "; ").append(pair);
      if (pair.startsWith("XSRF-TOKEN=")) {
        token = pair.substring("XSRF-TOKEN=".length());
      }
    }
    return RawHttp.send(source, port, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + user + "&password=" + password, "Cookie: " + cookies, "X-XSRF-TOKEN: " + token,
        "Content-Type: application/x-www-form-urlencoded");
  }

  private static void assertJsonError(Reply reply, int status, String message) throws Exception {
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = new ObjectMapper().readValue(reply.body(), Map.class);
    assertThat(body).containsOnlyKeys("timestamp", "status", "error", "message").containsEntry("status", status);
    assertThat(body.get("message").toString()).contains(message);
  }
}
