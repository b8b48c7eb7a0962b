package org.openchallenge.security;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Failed logins per source (client address): each source has a token bucket of
 * {@code openchallenge.login.max-failures-per-source} failures that refills over
 * {@code openchallenge.login.failure-window}; a source whose bucket is empty is refused until a token is back. Only
 * failures take tokens, so a user who logs in right is never slowed. The buckets live in a cache bounded in size,
 * and an idle source's bucket (full again by then) is dropped after the window.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final Cache<String, Bucket> buckets;
  private final Bandwidth limit;

  public LoginThrottle(@Value("${openchallenge.login.max-failures-per-source:10}") int maxFailures,
                       @Value("${openchallenge.login.failure-window:15m}") Duration window,
                       @Value("${openchallenge.login.max-tracked-sources:100000}") long maxSources) {
    this.limit = Bandwidth.builder().capacity(maxFailures).refillGreedy(maxFailures, window).build();
    this.buckets = Caffeine.newBuilder().maximumSize(maxSources).expireAfterAccess(window).build();
  }

  /** How long the source must wait before it may try again; empty if it may try now. */
  public Optional<Duration> refusedFor(String source) {
    Bucket bucket = buckets.getIfPresent(source);
    if (bucket == null) {
      return Optional.empty();
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Records a failed login: a warning naming the user and the source (never the password), and a token taken. */
  public void failed(String user, String source, String channel) {
    LOG.warn("Failed login for user '{}' from {} ({})", printable(user), source, channel);
    buckets.get(source, s -> Bucket.builder().addLimit(limit).build()).tryConsume(1);
  }

  /** The user name as typed, without line breaks or control characters that could forge log lines. */
  static String printable(String user) {
    if (user == null) {
      return "";
    }
    String clean = user.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
  }
}
