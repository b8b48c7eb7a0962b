package org.openchallenge.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes sure what a reader has just seen is on disk before it is served. H2 (with WRITE_DELAY=0) writes a commit to
 * its file before the commit returns, but other sessions already see the commit while it is being written; a
 * CHECKPOINT waits for that write (and writes anything still pending). PostgreSQL shows a commit only once it is
 * durable, so there it does nothing.
 */
@Component
public class Durability {

  private final DataSource dataSource;
  private final boolean h2;

  public Durability(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection()) {
      this.h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
    }
  }

  /** Returns once every transaction committed so far is durable. */
  public void awaitCommitted() {
    if (!h2) {
      return;
    }
    // Its own connection: CHECKPOINT must not end the caller's transaction.
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("The database could not confirm its commits are written", e);
    }
  }
}
