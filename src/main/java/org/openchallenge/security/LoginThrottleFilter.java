package org.openchallenge.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openchallenge.platform.ApiExceptionHandler.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Both ways to log in pass here: HTTP Basic on the engine's REST API and the application's API, and the webapps'
 * login form. A source the {@link LoginThrottle} refuses gets 429 with Retry-After and a JSON message before its
 * credentials are checked; a login answered 401 counts as a failure of that source.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final Pattern webappLogin;

  public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json,
                             @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.throttle = throttle;
    this.json = json;
    this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        && (path.startsWith("/engine-rest") || path.startsWith("/api/"));
    boolean form = "POST".equals(request.getMethod()) && webappLogin.matcher(path).matches();
    if (!basic && !form) {
      chain.doFilter(request, response);
      return;
    }
    String source = request.getRemoteAddr();
    Optional<Duration> wait = throttle.refusedFor(source);
    if (wait.isPresent()) {
      refuse(response, wait.get());
      return;
    }
    // The form's body is read by the webapp; a copy keeps the user name for the log.
    HttpServletRequest checked = form ? new ContentCachingRequestWrapper(request, 4096) : request;
    chain.doFilter(checked, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(form ? formUser((ContentCachingRequestWrapper) checked) : basicUser(authorization), source,
          form ? "webapp login" : "HTTP Basic");
    }
  }

  private void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), new ApiError(OffsetDateTime.now(), 429,
        HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
        "Too many failed logins from this address; try again in " + seconds + " seconds"));
  }

  private static String basicUser(String authorization) {
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "" : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String formUser(ContentCachingRequestWrapper request) {
    for (String pair : request.getContentAsString().split("&")) {
      if (pair.startsWith("username=")) {
        return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
