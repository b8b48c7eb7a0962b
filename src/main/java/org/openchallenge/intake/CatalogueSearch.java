package org.openchallenge.intake;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The open solution catalogue: every solution found in research or submitted, across all challenges, as the public
 * may see it. What is public is decided here, in one place ({@link #PUBLIC}): a submission once screened (and
 * still when withdrawn after screening), a research finding once its research brief is published. Confidential
 * details, provider accounts and contacts are never selected.
 */
@Service
public class CatalogueSearch {

  /** The rows the public may see. */
  static final String PUBLIC = """
      ((s.source = 'SUBMISSION' and (s.status in ('ELIGIBLE', 'NOT_ELIGIBLE', 'AWARDED')
          or (s.status = 'WITHDRAWN' and s.screened_at is not null)))
       or (s.source = 'RESEARCH' and exists (select 1 from research_brief b where b.case_id = s.case_id
          and b.research_round = s.research_round and b.published_at is not null)))""";

  /** The columns the public may see; nothing else leaves this class. */
  private static final String COLUMNS = """
      s.id, c.business_key, s.source, s.title, s.summary, s.how_meets_outcomes, s.organisation_name,
      s.organisation_type, s.country, s.maturity, s.approach, s.found_where, s.status, s.screening_reason,
      s.recorded_at, s.screened_at, d.maturity_references, d.indicative_cost, d.cost_currency""";

  private static final String FROM = """
      from solution s join procurement_case c on c.id = s.case_id
      left join submission_detail d on d.solution_id = s.id""";

  public record Filter(String text, String challenge, Solution.OrganisationType organisationType,
                       Solution.Maturity maturity, String country, Solution.Status status, Solution.Source source) {
  }

  public record Entry(long id, String challenge, Solution.Source source, String title, String summary,
                      String howMeetsOutcomes, String organisationName, Solution.OrganisationType organisationType,
                      String country, Solution.Maturity maturity, String maturityReferences,
                      BigDecimal indicativeCost, String costCurrency, String approach, String foundWhere,
                      List<SubmissionDetails.Attachment> attachments, Solution.Status status,
                      String screeningReason, OffsetDateTime recordedAt, OffsetDateTime screenedAt) {
  }

  public record Page(List<Entry> items, int page, int size, long total) {
  }

  /**
   * The order of results, each ending in descending id so that paging never skips or repeats. RELEVANCE ranks by
   * the search text on PostgreSQL; without a text, or on H2 (which cannot rank), it is NEWEST.
   */
  public enum Sort {
    RELEVANCE, NEWEST, OLDEST, TITLE;

    public static Sort of(String parameter, boolean withText) {
      return parameter == null ? (withText ? RELEVANCE : NEWEST) : valueOf(parameter.toUpperCase(Locale.ROOT));
    }
  }

  private final JdbcClient db;
  private final boolean postgres;

  public CatalogueSearch(JdbcClient db, DataSource dataSource) throws SQLException {
    this.db = db;
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
          .contains("postgres");
    }
  }

  public Page search(Filter f, int page, int size) {
    return search(f, Sort.of(null, f.text() != null && !f.text().isBlank()), page, size);
  }

  public Page search(Filter f, Sort sort, int page, int size) {
    StringBuilder where = new StringBuilder(" where ").append(PUBLIC);
    Map<String, Object> params = new HashMap<>();
    String rank = null;
    if (f.text() != null && !f.text().isBlank()) {
      if (!f.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
        // Nothing to search for ("%", "_", "-"): nothing matches, as websearch_to_tsquery finds no lexeme in it.
        return new Page(List.of(), page, size, 0);
      }
      if (postgres) {
        // The stored, indexed vector of V3__catalogue_search.sql; websearch syntax ("a b", -c, "x or y").
        where.append(" and s.search_vector @@ websearch_to_tsquery('simple', :text)");
        rank = "ts_rank(s.search_vector, websearch_to_tsquery('simple', :text))";
        params.put("text", f.text());
      } else {
        int i = 0;
        for (String word : f.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (!word.isEmpty()) {
            where.append(" and lower(s.title || ' ' || s.summary) like :w").append(i).append(" escape '\\'");
            params.put("w" + i++, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
          }
        }
      }
    }
    condition(where, params, "c.business_key", "challenge", f.challenge());
    condition(where, params, "s.organisation_type", "organisationType", name(f.organisationType()));
    condition(where, params, "s.maturity", "maturity", name(f.maturity()));
    condition(where, params, "s.country", "country", f.country());
    condition(where, params, "s.status", "status", name(f.status()));
    condition(where, params, "s.source", "source", name(f.source()));

    long total = db.sql("select count(*) " + FROM + where).params(params).query(Long.class).single();
    // Stable: ties in descending id order.
    String order = switch (sort) {
      case RELEVANCE -> rank == null ? " order by s.id desc" : " order by " + rank + " desc, s.id desc";
      case NEWEST -> " order by s.id desc";
      case OLDEST -> " order by s.id asc";
      case TITLE -> " order by lower(s.title), s.id desc";
    };
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Entry> items = db.sql("select " + COLUMNS + " " + FROM + where + order + " limit :limit offset :offset")
        .params(params).query((rs, n) -> entry(rs)).list();
    return new Page(withAttachments(items), page, size, total);
  }

  public Optional<Entry> find(long id) {
    return db.sql("select " + COLUMNS + " " + FROM + " where s.id = :id and " + PUBLIC).param("id", id)
        .query((rs, n) -> entry(rs)).optional().map(e -> withAttachments(List.of(e)).get(0));
  }

  private List<Entry> withAttachments(List<Entry> entries) {
    if (entries.isEmpty()) {
      return entries;
    }
    Map<Long, List<SubmissionDetails.Attachment>> byId = new LinkedHashMap<>();
    db.sql("select solution_id, label, url from submission_attachment where solution_id in (:ids) "
            + "order by solution_id, position")
        .param("ids", entries.stream().map(Entry::id).toList())
        .query(rs -> {
          byId.computeIfAbsent(rs.getLong("solution_id"), k -> new ArrayList<>())
              .add(new SubmissionDetails.Attachment(rs.getString("label"), rs.getString("url")));
        });
    return entries.stream().map(e -> new Entry(e.id(), e.challenge(), e.source(), e.title(), e.summary(),
        e.howMeetsOutcomes(), e.organisationName(), e.organisationType(), e.country(), e.maturity(),
        e.maturityReferences(), e.indicativeCost(), e.costCurrency(), e.approach(), e.foundWhere(),
        byId.getOrDefault(e.id(), List.of()), e.status(), e.screeningReason(), e.recordedAt(), e.screenedAt()))
        .toList();
  }

  /** An entry without its attachments, which {@link #withAttachments} adds for a whole page in one query. */
  private static Entry entry(java.sql.ResultSet rs) throws SQLException {
    String maturity = rs.getString("maturity");
    return new Entry(rs.getLong("id"), rs.getString("business_key"), Solution.Source.valueOf(rs.getString("source")),
        rs.getString("title"), rs.getString("summary"), rs.getString("how_meets_outcomes"),
        rs.getString("organisation_name"), Solution.OrganisationType.valueOf(rs.getString("organisation_type")),
        rs.getString("country"), maturity == null ? null : Solution.Maturity.valueOf(maturity),
        rs.getString("maturity_references"), rs.getBigDecimal("indicative_cost"), rs.getString("cost_currency"),
        rs.getString("approach"), rs.getString("found_where"), List.of(),
        Solution.Status.valueOf(rs.getString("status")), rs.getString("screening_reason"),
        rs.getObject("recorded_at", OffsetDateTime.class), rs.getObject("screened_at", OffsetDateTime.class));
  }

  private static void condition(StringBuilder where, Map<String, Object> params, String column, String name,
                                String value) {
    if (value != null && !value.isBlank()) {
      where.append(" and ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
