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

  public void amend(long id, String title, String summary, String howMeetsOutcomes, String organisationName,
                    Solution.OrganisationType organisationType, String country, Solution.Maturity maturity) {
    db.sql("""
        update solution set title = :title, summary = :summary, how_meets_outcomes = :how, organisation_name = :org,
          organisation_type = :orgType, country = :country, maturity = :maturity, status = 'SUBMITTED',
          screening_reason = null, screened_by = null, screened_at = null
        where id = :id""")
        .param("title", title).param("summary", summary).param("how", howMeetsOutcomes).param("org", organisationName)
        .param("orgType", organisationType.name()).param("country", country).param("maturity", maturity.name())
        .param("id", id).update();
  }

  public void withdraw(long id, OffsetDateTime at) {
    setStatus(id, Solution.Status.WITHDRAWN);
    db.sql("update submission_detail set withdrawn_at = :at where solution_id = :id").param("at", at)
        .param("id", id).update();
  }

  /** Replaces a submission's details, attachments and confidential part; {@code amendedAt} null on first save. */
  public void saveDetails(long id, SubmissionDetails d, OffsetDateTime amendedAt) {
    db.sql("delete from submission_attachment where solution_id = :id").param("id", id).update();
    db.sql("delete from submission_confidential where solution_id = :id").param("id", id).update();
    db.sql("delete from submission_detail where solution_id = :id").param("id", id).update();
    db.sql("""
        insert into submission_detail (solution_id, indicative_cost, cost_currency, maturity_references, amended_at)
        values (:id, :cost, :currency, :refs, :amended)""")
        .param("id", id).param("cost", d.indicativeCost()).param("currency", d.costCurrency())
        .param("refs", d.maturityReferences()).param("amended", amendedAt).update();
    int position = 0;
    for (SubmissionDetails.Attachment a : d.attachments()) {
      db.sql("insert into submission_attachment (solution_id, position, label, url) values (:id, :p, :label, :url)")
          .param("id", id).param("p", ++position).param("label", a.label()).param("url", a.url()).update();
    }
    if (d.confidentialDetails() != null) {
      db.sql("insert into submission_confidential (solution_id, details) values (:id, :details)")
          .param("id", id).param("details", d.confidentialDetails()).update();
    }
  }

  /** The public part of a submission's details (no confidential details). */
  public SubmissionDetails publicDetails(long id) {
    return details(id, false);
  }

  /** Everything, confidential details included; for callers that checked the reader may see them. */
  public SubmissionDetails details(long id) {
    return details(id, true);
  }

  private SubmissionDetails details(long id, boolean withConfidential) {
    List<SubmissionDetails.Attachment> attachments = db.sql(
            "select label, url from submission_attachment where solution_id = :id order by position")
        .param("id", id).query((rs, n) -> new SubmissionDetails.Attachment(rs.getString("label"), rs.getString("url")))
        .list();
    String confidential = withConfidential ? db.sql("select details from submission_confidential where solution_id = :id")
        .param("id", id).query(String.class).optional().orElse(null) : null;
    return db.sql("select * from submission_detail where solution_id = :id").param("id", id)
        .query((rs, n) -> new SubmissionDetails(rs.getBigDecimal("indicative_cost"), rs.getString("cost_currency"),
            rs.getString("maturity_references"), attachments, confidential,
            rs.getObject("amended_at", OffsetDateTime.class), rs.getObject("withdrawn_at", OffsetDateTime.class)))
        .optional().orElse(new SubmissionDetails(null, null, null, attachments, confidential, null, null));
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
