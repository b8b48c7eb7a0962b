package org.openchallenge.platform;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server side of one user task's Camunda Form, wired on the task as the listener of both its {@code create}
 * and {@code complete} events.
 *
 * <p>On create, every field of the form becomes a task-local variable, so what Tasklist submits stays on the task and
 * disappears with it: domain data goes to the application's tables, never into process variables. Then
 * {@link #prefill} shows current data. On complete, {@link #submit} validates everything the form's browser-side
 * validation claims (Tasklist does not enforce it) and stores it; a {@link FormInput} error rolls back the whole
 * completion, so a refused submission changes nothing and Tasklist and the REST API answer 400 with the message.
 */
public abstract class TaskForm implements TaskListener {

  private FormCatalog catalog;
  private JdbcTemplate jdbc;

  @Autowired
  void setCatalog(FormCatalog catalog) {
    this.catalog = catalog;
  }

  @Autowired
  void setJdbc(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public final void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        declareFieldsLocal(task);
        prefill(task, new FormData(task));
      }
      case EVENTNAME_COMPLETE -> {
        lockOpenTask(task.getId());
        FormInput input = FormInput.of(task::getVariableLocal);
        try {
          submit(task, input);
        } catch (RuntimeException e) {
          // Storing failed: if because someone completed the task meanwhile, say so rather than what broke.
          if (!isOpen(task.getId())) {
            throw new TaskAlreadyCompletedException();
          }
          throw e;
        }
        input.throwIfInvalid();
      }
      default -> { }
    }
  }

  /** Shows the data the user needs on the form; by default nothing. */
  protected void prefill(DelegateTask task, FormData data) {
  }

  /** Validates the submitted form and stores it; report problems on {@code input}, which then refuses the whole submission. */
  protected abstract void submit(DelegateTask task, FormInput input);

  /**
   * Two people completing one task at once: the first takes the task's row lock and completes; the second waits
   * here, then finds the task gone and stops before storing anything (instead of failing later on a duplicate row
   * or the engine's optimistic lock, with SQL in its message).
   */
  private void lockOpenTask(String taskId) {
    try {
      jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ = ? for update", String.class, taskId);
    } catch (DataAccessException concurrentlyDeleted) {
      throw new TaskAlreadyCompletedException();
    }
    // Read again once the lock is ours: H2 can hand the lock over on a row the winner has just deleted.
    if (!isOpen(taskId)) {
      throw new TaskAlreadyCompletedException();
    }
  }

  private boolean isOpen(String taskId) {
    try {
      return jdbc.queryForObject("select count(*) from ACT_RU_TASK where ID_ = ?", Long.class, taskId) > 0;
    } catch (DataAccessException transactionBroken) {
      return true; // nothing more to learn here: the caller's own error stands
    }
  }

  private void declareFieldsLocal(DelegateTask task) {
    String formId = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
    for (Map.Entry<String, FormCatalog.FieldShape> field : catalog.fields(formId).entrySet()) {
      if (field.getValue() == FormCatalog.FieldShape.LIST) {
        // A Json value, so Tasklist sends the list back as Json rather than as the type of a null variable.
        task.setVariableLocal(field.getKey(), FormData.json(java.util.List.of()));
      } else {
        task.setVariableLocal(field.getKey(), null);
      }
    }
  }
}
