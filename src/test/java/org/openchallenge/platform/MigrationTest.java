package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Migrations keep what an earlier version stored: a database at V7 with a jury's evaluations, migrated to today. */
class MigrationTest {

  @Test
  void singleScoreEvaluationsCarryOverAsAnOverallCriterion() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").target("7")
        .load().migrate();
    JdbcClient db = JdbcClient.create(h2);
    db.sql("""
        insert into procurement_case (id, business_key, title, problem, public_value, department, budget_envelope,
          currency, involves_ai, phase, jury_round, opened_at)
        values (1, 'PC-OLD-1', 'Old case', 'p', 'v', 'd', 1000, 'EUR', false, 'JURY_DELIBERATION', 1, now())""")
        .update();
    db.sql("""
        insert into challenge (case_id, question, consultation_days, research_months, intake_weeks, framed_at)
        values (1, 'q', 14, 3, 6, now())""").update();
    db.sql("""
        insert into solution (id, case_id, research_round, source, title, summary, organisation_name,
          organisation_type, status, recorded_at)
        values (7, 1, 1, 'SUBMISSION', 't', 's', 'o', 'SME', 'ELIGIBLE', now())""").update();
    db.sql("insert into jury_member (case_id, jury_round, username) values (1, 1, 'judy')").update();
    db.sql("""
        insert into evaluation (case_id, jury_round, juror, solution_id, score, justification, submitted_at)
        values (1, 1, 'judy', 7, 8.5, 'Strong evidence.', now())""").update();

    Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();

    assertThat(db.sql("select name, weight from evaluation_criterion where case_id = 1").query().listOfRows())
        .containsExactly(Map.of("NAME", "Overall assessment", "WEIGHT", 100));
    assertThat(db.sql("select score, justification from criterion_score where case_id = 1 and solution_id = 7")
        .query((rs, n) -> rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + " " + rs.getString(2)).single())
        .isEqualTo("8.5 Strong evidence.");
    assertThat(db.sql("select status from juror_scoring where case_id = 1 and juror = 'judy'").query(String.class)
        .single()).isEqualTo("SUBMITTED");
  }
}
