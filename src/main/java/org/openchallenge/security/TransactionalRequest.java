package org.openchallenge.security;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs some work of the guard's and then the engine's handling of the request in one transaction (the engine's
 * commands join it), which commits only when the answer is a success. The answer is held back until the
 * transaction has committed, so nobody is told of a change that did not happen.
 */
final class TransactionalRequest {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalRequest.class);

  private final TransactionTemplate transaction;

  TransactionalRequest(PlatformTransactionManager transactions) {
    this.transaction = new TransactionTemplate(transactions);
  }

  /** {@code first} may throw a {@link Refusal}: the transaction then rolls back and the refusal goes on. */
  void run(Runnable first, HttpServletRequest request, HttpServletResponse response, FilterChain chain, String what)
      throws IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      transaction.executeWithoutResult(status -> {
        first.run();
        try {
          chain.doFilter(request, buffered);
        } catch (IOException | ServletException e) {
          throw new IllegalStateException(e);
        }
        if (buffered.getStatus() >= 400) {
          status.setRollbackOnly();
        }
      });
    } catch (TransactionException e) {
      LOG.warn("{} could not be committed: {}", what, e.getMessage());
      buffered.resetBuffer();
      new Refusal(409, "Conflict", "Someone else changed this at the same time; reload and try again")
          .send(buffered);
    }
    buffered.copyBodyToResponse();
  }
}
