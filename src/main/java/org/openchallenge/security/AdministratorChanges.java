package org.openchallenge.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.openchallenge.platform.EngineAsSystem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An administrator's change by hand through the engine's API runs in one transaction with its
 * {@link EngineIntervention} event, which the publication ledger records: the change and its entry commit together,
 * and a refused change records nothing. The answer is held back until the transaction has committed.
 */
final class AdministratorChanges {

  private final EngineAsSystem system;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ApplicationEventPublisher events;
  private final TransactionalRequest inOneTransaction;

  AdministratorChanges(EngineAsSystem system, TaskService tasks, RuntimeService runtime, ManagementService management,
                       ApplicationEventPublisher events, PlatformTransactionManager transactions) {
    this.system = system;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.events = events;
    this.inOneTransaction = new TransactionalRequest(transactions);
  }

  /** An administrator's change by hand, published in the ledger in the transaction of the change. */
  void run(EngineCaller caller, HttpServletRequest request, HttpServletResponse response,
           FilterChain chain, String method, List<String> path) throws IOException {
    String objectId = path.size() >= 2 ? path.get(1) : null;
    String processInstanceId = system.call(() -> processInstanceOf(path));
    inOneTransaction.run(() -> events.publishEvent(new EngineIntervention(caller.userId(), operation(method, path),
        objectId, processInstanceId)), request, response, chain, "An administrator's change");
  }

  private String processInstanceOf(List<String> path) {
    if (path.size() < 2) {
      return null;
    }
    String id = path.get(1);
    return switch (path.get(0)) {
      case "process-instance" -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0 ? id : null;
      case "task" -> {
        Task task = tasks.createTaskQuery().taskId(id).singleResult();
        yield task == null ? null : task.getProcessInstanceId();
      }
      case "execution" -> {
        Execution execution = runtime.createExecutionQuery().executionId(id).singleResult();
        yield execution == null ? null : execution.getProcessInstanceId();
      }
      case "job" -> {
        Job job = management.createJobQuery().jobId(id).singleResult();
        yield job == null ? null : job.getProcessInstanceId();
      }
      default -> null;
    };
  }

  /** The operation with the object's id left out, as recorded and as named in refusals. */
  static String operation(String method, List<String> path) {
    List<String> named = new ArrayList<>(path);
    if (named.size() >= 2 && Set.of("task", "process-instance", "execution", "job", "deployment",
        "process-definition", "case-instance", "incident", "batch", "user", "group", "tenant", "filter",
        "authorization", "external-task", "job-definition", "decision-definition", "variable-instance")
        .contains(named.get(0)) && !Set.of("count", "create", "suspended", "suspended-async", "delete",
        "key", "retries", "variables", "job-retries").contains(named.get(1))) {
      named.set(1, "{id}");
    }
    return method + " " + String.join("/", named);
  }
}
