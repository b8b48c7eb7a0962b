package org.openchallenge.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/** Two people completed the same task at once and this one lost: the other completion stands, this one changed nothing. */
public class TaskAlreadyCompletedException extends ProcessEngineException {

  public TaskAlreadyCompletedException() {
    super("This task was already completed by someone else");
  }
}
