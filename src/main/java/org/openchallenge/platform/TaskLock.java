package org.openchallenge.platform;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The row lock that serialises completions of one task, in the caller's transaction: of two people completing it at
 * once, the second waits here for the first to commit, then learns the task is gone.
 */
@Component
public class TaskLock {

  private final JdbcTemplate jdbc;

  public TaskLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the task's row until the transaction ends; false when the task is no longer open. */
  public boolean lockIfOpen(String taskId) {
    try {
      jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ = ? for update", String.class, taskId);
    } catch (DataAccessException deletedMeanwhile) {
      return false;
    }
    // Read again with the lock held: H2 can hand the lock over on a row the winner has just deleted.
    return isOpen(taskId);
  }

  /** Whether the task is still open; true when the transaction can no longer tell (its own error stands). */
  public boolean isOpen(String taskId) {
    try {
      return jdbc.queryForObject("select count(*) from ACT_RU_TASK where ID_ = ?", Long.class, taskId) > 0;
    } catch (DataAccessException transactionBroken) {
      return true;
    }
  }
}
