package org.openchallenge.security;

import java.io.IOException;
import java.time.OffsetDateTime;

import org.openchallenge.platform.RequestTooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps the size of every request body before anything reads it: 413 with a JSON message when the declared length
 * is too large, and the same limit enforced while reading a body sent without a length (chunked). Deployments of
 * models and forms get a larger cap than everything else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final long maxDeploymentBytes;

  public RequestSizeLimit(@Value("${openchallenge.http.max-request-bytes:1048576}") long maxBytes,
                          @Value("${openchallenge.http.max-deployment-bytes:10485760}") long maxDeploymentBytes) {
    this.maxBytes = maxBytes;
    this.maxDeploymentBytes = maxDeploymentBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = path.startsWith("/engine-rest/deployment/create") ? maxDeploymentBytes : maxBytes;
    if (request.getContentLengthLong() > limit) {
      refuse(response, limit);
      return;
    }
    try {
      chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    } catch (RequestTooLargeException e) {
      if (!response.isCommitted()) {
        response.reset();
        refuse(response, limit);
      }
    }
  }

  private static void refuse(HttpServletResponse response, long limit) throws IOException {
    response.setStatus(413);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write("{\"timestamp\":\"" + OffsetDateTime.now() + "\",\"status\":413,"
        + "\"error\":\"Content Too Large\",\"message\":\"The request body exceeds " + limit + " bytes\"}");
  }

  /** A request whose body stream fails once more than {@code limit} bytes have been read. */
  static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws RequestTooLargeException {
            read += n;
            if (read > limit) {
              throw new RequestTooLargeException(limit);
            }
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
