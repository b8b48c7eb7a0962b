package org.openchallenge.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.openchallenge.cases.CaseVariables;
import org.openchallenge.cases.CaseService;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's history events into ledger entries, next to the engine's own history (the default database
 * handler stays on): a case and each phase starting and ending, each human task created, assigned, completed or
 * cancelled, each gateway passed, each timer fired and each message received. The engine produces these events in
 * the transaction of the transition, so the entry commits or rolls back with it. Camunda's Spring Boot starter
 * registers this bean as a custom history event handler, next to the default database handler.
 */
@Component
public class LedgerHistoryHandler implements HistoryEventHandler {

  private static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "eventBasedGateway", "inclusiveGateway");
  private static final Set<String> TIMERS = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");
  private static final Set<String> MESSAGES = Set.of("intermediateMessageCatch", "boundaryMessage",
      "messageStartEvent");

  private final Ledger ledger;
  private final ActorRoles roles;

  public LedgerHistoryHandler(Ledger ledger, ActorRoles roles) {
    this.ledger = ledger;
    this.roles = roles;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity p) {
      process(p);
    } else if (event instanceof HistoricTaskInstanceEventEntity t) {
      task(t);
    } else if (event instanceof HistoricActivityInstanceEventEntity a) {
      activity(a);
    }
  }

  private void process(HistoricProcessInstanceEventEntity p) {
    boolean isCase = CaseService.PROCESS_KEY.equals(p.getProcessDefinitionKey());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(isCase ? "process" : "phase", p.getProcessDefinitionKey());
    String kind;
    if ("start".equals(p.getEventType())) {
      kind = isCase ? "case.started" : "phase.entered";
    } else if ("end".equals(p.getEventType())) {
      kind = isCase ? "case.ended" : "phase.left";
      if (p.getDeleteReason() != null) {
        data.put("reason", p.getDeleteReason());
      }
    } else {
      return;
    }
    record(p.getBusinessKey(), p.getProcessInstanceId(), kind, p.getProcessDefinitionKey(), null, data);
  }

  private void task(HistoricTaskInstanceEventEntity t) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("task", t.getTaskDefinitionKey());
    data.put("name", t.getName());
    String kind;
    String actor = null;
    switch (t.getEventType()) {
      case "create" -> kind = "task.created";
      case "assignment" -> {
        if (t.getAssignee() == null) {
          return;
        }
        kind = "task.assigned";
        data.put("assignee", t.getAssignee());
        data.put("assigneeRole", roles.of(t.getAssignee()));
      }
      case "complete" -> {
        kind = "task.completed";
        actor = actingUser(t.getAssignee());
      }
      case "delete" -> {
        kind = "task.cancelled";
        data.put("reason", t.getDeleteReason());
      }
      default -> {
        return;
      }
    }
    record(businessKey(t.getProcessInstanceId()), t.getProcessInstanceId(), kind, t.getTaskDefinitionKey(), actor,
        data);
  }

  private void activity(HistoricActivityInstanceEventEntity a) {
    if (!"end".equals(a.getEventType())
        || a.getActivityInstanceState() == ActivityInstanceState.CANCELED.getStateCode()) {
      return;
    }
    String kind;
    String field;
    if (GATEWAYS.contains(a.getActivityType())) {
      kind = "gateway.passed";
      field = "gateway";
    } else if (TIMERS.contains(a.getActivityType())) {
      kind = "timer.fired";
      field = "timer";
    } else if (MESSAGES.contains(a.getActivityType())) {
      kind = "message.received";
      field = "event";
    } else {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(field, a.getActivityId());
    data.put("name", a.getActivityName());
    if ("gateway.passed".equals(kind)) {
      Map<String, Object> values = drivingValues(a);
      if (!values.isEmpty()) {
        data.put("values", values);
      }
    }
    record(businessKey(a.getProcessInstanceId()), a.getProcessInstanceId(), kind, a.getActivityId(), null, data);
  }

  private void record(String caseKey, String processInstanceId, String kind, String subject, String actor,
                      Map<String, Object> data) {
    ledger.record(new Ledger.Event(caseKey, kind, subject, actor == null ? ActorRoles.SYSTEM : roles.of(actor),
        actor, data, processInstanceId));
  }

  /**
   * The values that drove a gateway: the case's flags that its outgoing conditions test (an event-based gateway has
   * none), as they were when it was passed.
   */
  private static Map<String, Object> drivingValues(HistoricActivityInstanceEventEntity a) {
    Map<String, Object> values = new LinkedHashMap<>();
    ExecutionEntity execution = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getExecutionManager().findExecutionById(a.getExecutionId());
    if (execution == null) {
      return values;
    }
    ActivityImpl gateway = execution.getProcessDefinition().findActivity(a.getActivityId());
    if (gateway == null) {
      return values;
    }
    for (PvmTransition flow : gateway.getOutgoingTransitions()) {
      Object condition = flow.getProperty("conditionText");
      for (String flag : CaseVariables.GATEWAY_FLAGS) {
        if (condition != null && condition.toString().contains(flag) && execution.hasVariable(flag)) {
          values.put(flag, execution.getVariable(flag));
        }
      }
    }
    return values;
  }

  /** The user acting in this command: the authenticated one, else (engine calls without a user) the assignee. */
  private static String actingUser(String assignee) {
    Authentication auth = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : assignee;
  }

  private static String businessKey(String processInstanceId) {
    if (processInstanceId == null || Context.getCommandContext() == null) {
      return null;
    }
    ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
    return instance == null ? null : instance.getBusinessKey();
  }

}
