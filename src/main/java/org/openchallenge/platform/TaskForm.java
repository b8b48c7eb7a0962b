package org.openchallenge.platform;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;

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
  private TaskLock taskLock;

  @Autowired
  void setCatalog(FormCatalog catalog) {
    this.catalog = catalog;
  }

  @Autowired
  void setTaskLock(TaskLock taskLock) {
    this.taskLock = taskLock;
  }

  @Override
  public final void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        declareFieldsLocal(task);
        prefill(task, new FormData(task));
      }
      case EVENTNAME_COMPLETE -> {
        // Two people completing one task at once: the second stops here before storing anything.
        if (!taskLock.lockIfOpen(task.getId())) {
          throw new TaskAlreadyCompletedException();
        }
        FormInput input = FormInput.of(task::getVariableLocal);
        try {
          submit(task, input);
        } catch (RuntimeException e) {
          // Storing failed: if because someone completed the task meanwhile, say so rather than what broke.
          if (!taskLock.isOpen(task.getId())) {
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
