package org.openchallenge.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Errors Tomcat answers itself, before any filter or Spring sees the request (a path with {@code %00}, an encoded
 * slash or backslash, a malformed request line), get the API's JSON body instead of Tomcat's HTML page, and never
 * the server's version or a stack trace. Tomcat's host keeps one error report valve; this replaces it.
 */
@Component
public class JsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      // The host adds a valve of this class at start unless one is there already.
      if (host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
      }
      host.getPipeline().addValve(new JsonErrorReportValve());
    });
  }

  /** After Spring Boot's own customizer, which installs a plain ErrorReportValve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Writes {@code {timestamp, status, error, message}} for an error response nothing else has written. */
  public static class JsonErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public JsonErrorReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      // As Tomcat's own valve: only an error nobody has written a body for, and only while I/O is possible.
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String error = known == null ? "Error" : known.getReasonPhrase();
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(JSON.writeValueAsString(
              new ApiExceptionHandler.ApiError(OffsetDateTime.now(), status, error, message(status, error))));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the response cannot take a body: nothing more to send.
      }
    }

    private static String message(int status, String error) {
      if (status == 400) {
        return "The request is malformed; a path may not contain %00, an encoded slash (%2F) or backslash (%5C)";
      }
      return status >= 500 ? "Internal error; it has been logged" : error;
    }
  }
}
