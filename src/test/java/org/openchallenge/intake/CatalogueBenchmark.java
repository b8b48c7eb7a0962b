package org.openchallenge.intake;

import java.io.IOException;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openchallenge.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalogue search at 10,000 published solutions, on whatever database the run uses. Not part of the test suite
 * ({@code ./mvnw verify -Pbenchmark}); it writes its figures into docs/performance.md, replacing that database's
 * previous section. Figures are latencies in one run on a shared machine: compare rows with each other, not with
 * another run.
 */
@ProcessTest
@Tag("benchmark")
class CatalogueBenchmark {

  static final int SOLUTIONS = 10_000;
  static final int WARM_UP = 30;
  static final int RUNS = 300;
  static final String[] WORDS = ("light sensor crossing cycle junction shade tree roof water sensor data citizen "
      + "school noise bus route parking bike lane traffic signal camera count heat green bench lamp solar battery "
      + "charging app map report repair waste bin compost air quality monitor flood pump drain").split(" ");

  @Autowired CatalogueSearch catalogue;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate http;

  record Figure(String query, double p50, double p95, long hits) {
  }

  @Test
  void searchAtTenThousandSolutions() throws Exception {
    String database;
    try (Connection c = dataSource.getConnection()) {
      database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    }
    String key = seed();
    boolean postgres = database.toLowerCase(Locale.ROOT).contains("postgres");
    if (postgres) {
      jdbc.execute("analyze solution");
    }

    List<Figure> figures = new ArrayList<>();
    figures.add(measure("first page, no filter", () -> catalogue.search(filter(null, null, null), 0, 20)));
    figures.add(measure("full text, one common word (\"sensor\")",
        () -> catalogue.search(filter("sensor", null, null), 0, 20)));
    figures.add(measure("full text, two words (\"solar battery\")",
        () -> catalogue.search(filter("solar battery", null, null), 0, 20)));
    figures.add(measure("full text, no match", () -> catalogue.search(filter("xylophone", null, null), 0, 20)));
    figures.add(measure("filters: challenge, status, country",
        () -> catalogue.search(filter(null, key, "BE"), 0, 20)));
    figures.add(measure("page 100 of 20, no filter", () -> catalogue.search(filter(null, null, null), 100, 20)));
    figures.add(measureHttp("over HTTP: full text \"sensor\", first page", "/api/public/solutions?q=sensor"));
    write(database, figures);
  }

  private static CatalogueSearch.Filter filter(String text, String challenge, String country) {
    return new CatalogueSearch.Filter(text, challenge, null, null, country,
        challenge == null ? null : Solution.Status.ELIGIBLE, null);
  }

  /** One challenge with 10,000 published solutions, unless this database already has it. */
  private String seed() {
    String key = "PC-BENCH-000001";
    Long existing = jdbc.queryForObject("select count(*) from solution s join procurement_case c on c.id = s.case_id"
        + " where c.business_key = ?", Long.class, key);
    if (existing != null && existing >= SOLUTIONS) {
      return key;
    }
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.update("""
        insert into procurement_case (business_key, title, problem, public_value, department, budget_envelope,
          currency, involves_ai, phase, research_round, jury_round, opened_by, opened_at)
        values (?, 'Benchmark challenge', 'Many solutions', 'Speed', 'IT', 1000, 'EUR', false, 'ENDED', 1, 1,
          'bench', ?)""", key, now);
    long caseId = jdbc.queryForObject("select id from procurement_case where business_key = ?", Long.class, key);
    Random random = new Random(42);
    String[] countries = {"NL", "BE", "DE", "FR", "ES", "IT", "PT", "SE"};
    String[] types = {"COMPANY", "SME", "START_UP", "NGO", "CITIZEN_ORGANISATION", "RESEARCH_BODY"};
    String[] maturities = {"IDEA", "PROTOTYPE", "PILOTED", "DEPLOYED_ELSEWHERE"};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < SOLUTIONS; i++) {
      rows.add(new Object[] {caseId, words(random, 4) + " " + i, words(random, 40), words(random, 20),
          "Org " + i, types[random.nextInt(types.length)], countries[random.nextInt(countries.length)],
          maturities[random.nextInt(maturities.length)], random.nextInt(10) < 8 ? "ELIGIBLE" : "NOT_ELIGIBLE",
          "bench", now, "bench", now});
    }
    jdbc.batchUpdate("""
        insert into solution (case_id, research_round, source, title, summary, how_meets_outcomes, organisation_name,
          organisation_type, country, maturity, status, screening_reason, screened_by, screened_at, recorded_by,
          recorded_at)
        values (?, 1, 'SUBMISSION', ?, ?, ?, ?, ?, ?, ?, ?, 'Screened.', ?, ?, ?, ?)""", rows);
    jdbc.update("""
        insert into submission_detail (solution_id, indicative_cost, cost_currency)
        select id, 50000, 'EUR' from solution where case_id = ?""", caseId);
    return key;
  }

  private static String words(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private static Figure measure(String name, Supplier<CatalogueSearch.Page> query) {
    for (int i = 0; i < WARM_UP; i++) {
      query.get();
    }
    double[] millis = new double[RUNS];
    long hits = 0;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      hits = query.get().total();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return figure(name, millis, hits);
  }

  private Figure measureHttp(String name, String path) {
    for (int i = 0; i < WARM_UP; i++) {
      http.getForEntity(path, String.class);
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      http.getForEntity(path, String.class);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return figure(name, millis, -1);
  }

  private static Figure figure(String name, double[] millis, long hits) {
    Arrays.sort(millis);
    return new Figure(name, millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.95) - 1], hits);
  }

  /** Replaces this database's section of docs/performance.md (or appends it). */
  private static void write(String database, List<Figure> figures) throws IOException {
    String vendor = database.toLowerCase(Locale.ROOT).contains("postgres") ? "PostgreSQL" : "H2";
    String heading = "## Catalogue search, 10,000 solutions, " + vendor;
    StringBuilder section = new StringBuilder(heading).append("\n\n")
        .append("Measured ").append(LocalDate.now()).append(" on ").append(database).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(RUNS)
        .append(" runs per query after ").append(WARM_UP).append(" warm-up runs, one thread. Service-level ")
        .append("latency of `CatalogueSearch.search` (count and page), and one query through HTTP.\n\n")
        .append("| query | p50 ms | p95 ms | matches |\n|---|---|---|---|\n");
    for (Figure f : figures) {
      section.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s |%n", f.query(), f.p50(), f.p95(),
          f.hits() < 0 ? "" : String.valueOf(f.hits())));
    }
    section.append("\nReproduce: ").append(vendor.equals("H2") ? "`./mvnw verify -Pbenchmark -Dtest=CatalogueBenchmark`"
        : "with a PostgreSQL at hand, `SPRING_PROFILES_ACTIVE=postgres DB_URL=jdbc:postgresql://host:port/db "
          + "DB_USER=... DB_PASSWORD=... ./mvnw verify -Pbenchmark -Dtest=CatalogueBenchmark`").append("\n");

    org.openchallenge.PerformanceDoc.writeSection(heading, section.toString());
  }

}
