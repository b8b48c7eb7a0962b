package org.openchallenge.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;

/** A refusal: the status and Camunda's error body. */
final class Refusal extends RuntimeException {
  final int status;
  final String type;

  Refusal(int status, String type, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static Refusal badRequest(String message) {
    return new Refusal(400, "InvalidRequestException", message);
  }

  static Refusal forbidden(String message) {
    return new Refusal(403, "AuthorizationException", message);
  }

  /** Answers the request with this refusal, in Camunda's error body. */
  void send(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(FormSubmissionCheck.STRICT_JSON.writeValueAsString(Map.of("type", type,
        "message", getMessage())));
  }
}
