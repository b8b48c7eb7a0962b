package org.openchallenge.publication;

import java.io.IOException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openchallenge.CaseDriver;
import org.openchallenge.ProcessTest;
import org.openchallenge.intake.Solution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's cost and the feed's speed, on PostgreSQL ({@code ./mvnw verify -Pbenchmark} with the postgres
 * profile). Whole case lifecycles run alternately with the ledger off and on, in the same run, and the ratio of their
 * times is reported. Then the ledger is filled to 1,000,000 entries and random feed pages are read. The figures go
 * into docs/performance.md.
 */
@ProcessTest
@Tag("benchmark")
class LedgerBenchmark {

  static final int ROUNDS = 4;
  static final int CASES_PER_ROUND = 6;
  static final long FEED_ENTRIES = 1_000_000;
  static final int PAGE_READS = 500;

  @Autowired CaseDriver driver;
  @Autowired Ledger ledger;
  @Autowired LedgerFeed feed;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate http;

  @Test
  void ledgerOverheadAndFeedLatency() throws Exception {
    String database;
    try (Connection c = dataSource.getConnection()) {
      database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    }
    Assumptions.assumeTrue(database.toLowerCase(Locale.ROOT).contains("postgres"), "runs on PostgreSQL only");

    // Warm up both ways, then alternate so that drift on a shared machine hits both alike.
    lifecycles(2, false);
    lifecycles(2, true);
    long off = 0;
    long on = 0;
    for (int round = 0; round < ROUNDS; round++) {
      off += lifecycles(CASES_PER_ROUND, false);
      on += lifecycles(CASES_PER_ROUND, true);
    }
    int cases = ROUNDS * CASES_PER_ROUND;
    double offMs = off / 1e6 / cases;
    double onMs = on / 1e6 / cases;
    long entriesPerCase = jdbc.queryForObject("select count(*) from ledger_entry where case_key = (select max("
        + "business_key) from procurement_case where title = 'Benchmark lifecycle')", Long.class);

    fillFeed();
    long head = feed.head().position();
    Random random = new Random(7);
    double[] service = new double[PAGE_READS];
    double[] overHttp = new double[PAGE_READS];
    for (int i = 0; i < 50; i++) {
      feed.after(random.nextLong(head - 100), 100, null);
    }
    for (int i = 0; i < PAGE_READS; i++) {
      long after = random.nextLong(head - 100);
      long start = System.nanoTime();
      feed.after(after, 100, null);
      service[i] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      http.getForEntity("/api/public/ledger?limit=100&after=" + after, String.class);
      overHttp[i] = (System.nanoTime() - start) / 1e6;
    }
    write(database, cases, offMs, onMs, entriesPerCase, head, service, overHttp);
  }

  /** Whole lifecycles, need to closure, through the engine's services; the time they took in nanoseconds. */
  private long lifecycles(int count, boolean withLedger) {
    ledger.setEnabledForBenchmark(withLedger);
    try {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        String key = driver.publishedChallenge("Benchmark lifecycle");
        List<Solution> eligible = driver.caseAwaitingJuryDecision(key);
        driver.decideAward(key, eligible.get(0).id());
        driver.confirmAndContract(key);
        driver.monitorToClosure(key);
      }
      return System.nanoTime() - start;
    } finally {
      ledger.setEnabledForBenchmark(true);
    }
  }

  /**
   * Tops the ledger up to a million entries with synthetic ones after the head, set-based. Their hashes are not a
   * valid chain: run this on a benchmark database, never on one whose chain matters.
   */
  private void fillFeed() {
    long head = feed.head().position();
    if (head >= FEED_ENTRIES) {
      return;
    }
    jdbc.update("""
        insert into ledger_entry (position, case_key, occurred_at, kind, subject, actor_role, public_data,
          internal_data, content_hash, previous_hash, entry_hash)
        select p, 'PC-BENCH-' || lpad((p % 5000)::text, 6, '0'), now(), 'task.completed', 'Task_Benchmark',
          'officials', '{"task":"Task_Benchmark"}', '{"task":"Task_Benchmark"}', md5(p::text) || md5(p::text),
          md5((p - 1)::text) || md5((p - 1)::text), md5(p::text) || md5(p::text)
        from generate_series(?::bigint, ?::bigint) as p""", head + 1, FEED_ENTRIES);
    jdbc.update("update ledger_head set position = ?, hash = md5(?::text) || md5(?::text) where id = 1",
        FEED_ENTRIES, FEED_ENTRIES, FEED_ENTRIES);
    jdbc.execute("analyze ledger_entry");
  }

  private static void write(String database, int cases, double offMs, double onMs, long entriesPerCase, long head,
                            double[] service, double[] overHttp) throws IOException {
    Arrays.sort(service);
    Arrays.sort(overHttp);
    String heading = "## Publication ledger, PostgreSQL";
    String section = heading + "\n\n" + String.format(Locale.ROOT, """
        Measured %s on %s, %d cores. Whole lifecycles (need to closure, %d ledger entries each) through the engine's
        services, one thread, alternating the ledger off and on in batches of %d (%d cases each way after a warm-up).
        Then random pages of 100 entries read from the feed with %,d entries in the ledger.

        | measure | figure | target |
        |---|---|---|
        | lifecycle, ledger off | %.0f ms per case | |
        | lifecycle, ledger on | %.0f ms per case | |
        | ledger overhead (on / off - 1) | %.1f %% | at most 10 %% |
        | feed page, service: p50 / p95 | %.2f / %.2f ms | p95 under 10 ms |
        | feed page over HTTP: p50 / p95 | %.2f / %.2f ms | |

        Reproduce on a PostgreSQL used for nothing else (the feed is topped up with synthetic entries whose hashes do
        not chain): `SPRING_PROFILES_ACTIVE=postgres DB_URL=jdbc:postgresql://host:port/db DB_USER=... DB_PASSWORD=...
        ./mvnw verify -Pbenchmark -Dtest=LedgerBenchmark`
        """, LocalDate.now(), database, Runtime.getRuntime().availableProcessors(), entriesPerCase, CASES_PER_ROUND,
        cases, head, offMs, onMs, (onMs / offMs - 1) * 100, service[PAGE_READS / 2],
        service[(int) Math.ceil(PAGE_READS * 0.95) - 1], overHttp[PAGE_READS / 2],
        overHttp[(int) Math.ceil(PAGE_READS * 0.95) - 1]);
    org.openchallenge.PerformanceDoc.writeSection(heading, section);
  }
}
