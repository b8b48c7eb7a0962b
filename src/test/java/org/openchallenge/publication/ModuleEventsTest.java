package org.openchallenge.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openchallenge.ProcessTest;
import org.openchallenge.cases.CaseCancelled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Modules that the publication module depends on publish events instead of calling the ledger; the ledger records
 * them in the publisher's transaction, so a change and its entry commit together or not at all.
 */
@ProcessTest
class ModuleEventsTest {

  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient db;

  @Test
  void anEventOfARolledBackChangePublishesNothingAndOfACommittedOneItsEntry() {
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    transaction.executeWithoutResult(status -> {
      events.publishEvent(new CaseCancelled("PC-TEST-ROLLBACK", null, "Rolled back"));
      status.setRollbackOnly();
    });
    assertThat(entries("PC-TEST-ROLLBACK")).isZero();

    transaction.executeWithoutResult(status ->
        events.publishEvent(new CaseCancelled("PC-TEST-COMMIT", null, "Committed")));
    assertThat(entries("PC-TEST-COMMIT")).isEqualTo(1);
  }

  private long entries(String caseKey) {
    return db.sql("select count(*) from ledger_entry where case_key = ? and kind = 'case.cancelled'")
        .param(caseKey).query(Long.class).single();
  }
}
