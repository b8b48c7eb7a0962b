package org.openchallenge.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The solution catalogue's table. */
@Repository
public class SolutionRepository {

  private final JdbcClient db;

  public SolutionRepository(JdbcClient db) {
    this.db = db;
  }

  public long insert(Solution s) {
    KeyHolder keys = new GeneratedKeyHolder();
    db.sql("""
        insert into solution (case_id, research_round, source, title, summary, organisation_name, organisation_type,
          approach, found_where, provider_contact, provider_username, country, maturity, how_meets_outcomes, status,
          recorded_by, recorded_at)
        values (:caseId, :round, :source, :title, :summary, :org, :orgType, :approach, :foundWhere, :contact,
          :provider, :country, :maturity, :how, :status, :by, :at)""")
        .param("caseId", s.caseId()).param("round", s.researchRound()).param("source", s.source().name())
        .param("title", s.title()).param("summary", s.summary()).param("org", s.organisationName())
        .param("orgType", s.organisationType().name()).param("approach", s.approach())
        .param("foundWhere", s.foundWhere()).param("contact", s.providerContact())
        .param("provider", s.providerUsername()).param("country", s.country())
        .param("maturity", s.maturity() == null ? null : s.maturity().name()).param("how", s.howMeetsOutcomes())
        .param("status", s.status().name()).param("by", s.recordedBy()).param("at", s.recordedAt())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Solution> find(long id) {
    return db.sql("select * from solution where id = :id").param("id", id).query(SolutionRepository::map).optional();
  }

  public List<Solution> ofCase(long caseId, Solution.Source source, int researchRound) {
    return db.sql("select * from solution where case_id = :c and source = :s and research_round = :r order by id")
        .param("c", caseId).param("s", source.name()).param("r", researchRound).query(SolutionRepository::map).list();
  }

  public List<Solution> withStatus(long caseId, Solution.Status status) {
    return db.sql("select * from solution where case_id = :c and status = :s order by id")
        .param("c", caseId).param("s", status.name()).query(SolutionRepository::map).list();
  }

  public boolean hasActiveSubmission(long caseId, int researchRound, String provider) {
    return db.sql("""
        select count(*) from solution where case_id = :c and research_round = :r and source = 'SUBMISSION'
          and provider_username = :p and status <> 'WITHDRAWN'""")
        .param("c", caseId).param("r", researchRound).param("p", provider).query(Long.class).single() > 0;
  }

  public void screen(long id, Solution.Status status, String reason, String by, OffsetDateTime at) {
    db.sql("""
        update solution set status = :status, screening_reason = :reason, screened_by = :by, screened_at = :at
        where id = :id""")
        .param("status", status.name()).param("reason", reason).param("by", by).param("at", at).param("id", id)
        .update();
  }

  public void setStatus(long id, Solution.Status status) {
    db.sql("update solution set status = :status where id = :id").param("status", status.name()).param("id", id)
        .update();
  }

  static Solution map(ResultSet rs, int row) throws SQLException {
    String maturity = rs.getString("maturity");
    return new Solution(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("research_round"),
        Solution.Source.valueOf(rs.getString("source")), rs.getString("title"), rs.getString("summary"),
        rs.getString("organisation_name"), Solution.OrganisationType.valueOf(rs.getString("organisation_type")),
        rs.getString("approach"), rs.getString("found_where"), rs.getString("provider_contact"),
        rs.getString("provider_username"), rs.getString("country"),
        maturity == null ? null : Solution.Maturity.valueOf(maturity), rs.getString("how_meets_outcomes"),
        Solution.Status.valueOf(rs.getString("status")), rs.getString("screening_reason"),
        rs.getString("screened_by"), rs.getObject("screened_at", OffsetDateTime.class), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class));
  }
}
