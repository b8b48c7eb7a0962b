package org.openchallenge.cases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openchallenge.platform.ModelExpressionBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who takes part in a case: the collections of the multi-instance tasks ({@code ${caseParticipants...}}). */
@ModelExpressionBean
@Component("caseParticipants")
public class CaseParticipants {

  private final JdbcClient db;

  public CaseParticipants(JdbcClient db) {
    this.db = db;
  }

  /** The stakeholders invited to the case's consultation; they are also asked for feedback during delivery. */
  public List<String> stakeholders(DelegateExecution execution) {
    return db.sql("""
        select s.username from case_stakeholder s join procurement_case c on c.id = s.case_id
        where c.business_key = :key order by s.username""")
        .param("key", execution.getProcessBusinessKey()).query(String.class).list();
  }

  /** The jurors of the case's current jury. */
  public List<String> jurors(DelegateExecution execution) {
    return db.sql("""
        select j.username from jury_member j join procurement_case c on c.id = j.case_id
        where c.business_key = :key and j.jury_round = c.jury_round order by j.username""")
        .param("key", execution.getProcessBusinessKey()).query(String.class).list();
  }
}
