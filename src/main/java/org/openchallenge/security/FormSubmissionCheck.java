package org.openchallenge.security;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.platform.FormCatalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a form submission through the engine's API may carry: only the fields of that task's (or that process's
 * start) Camunda Form, as values a form can produce, in a strict JSON body. For {@link EngineApiGuard}.
 */
final class FormSubmissionCheck {

  /** Strict JSON: no duplicate keys (two parsers could read different values), bounded nesting. */
  static final ObjectMapper STRICT_JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();
  /** Value types a form field can arrive in (Tasklist sends primitives untyped, lists as Json). */
  private static final Set<String> FORM_VALUE_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "json", "null");

  private final FormCatalog forms;
  private final EngineAsSystem system;
  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;

  FormSubmissionCheck(FormCatalog forms, EngineAsSystem system, TaskService tasks, HistoryService history,
                      RepositoryService repository) {
    this.forms = forms;
    this.system = system;
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
  }

  /** A task's form submission carries only that form's fields, as values a form can produce. */
  HttpServletRequest checkTaskSubmission(EngineCaller caller, HttpServletRequest request, String taskId)
      throws IOException {
    Task task = system.call(() -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    if (task == null) {
      throw gone(caller, taskId);
    }
    byte[] bytes = request.getInputStream().readAllBytes();
    JsonNode body = jsonObject(bytes);
    onlyKeys(body, Set.of("variables", "withVariablesInReturn"));
    String formId = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
    checkVariables(body.get("variables"), formId, "this task");
    return new CachedBody(request, bytes);
  }

  /** Starting a process carries only its start form's fields; the case key is the application's to assign. */
  HttpServletRequest checkStart(EngineCaller caller, HttpServletRequest request, List<String> path)
      throws IOException {
    byte[] bytes = request.getInputStream().readAllBytes();
    JsonNode body = jsonObject(bytes);
    if (!caller.isAdministrator()) {
      onlyKeys(body, Set.of("variables", "businessKey", "withVariablesInReturn"));
      JsonNode businessKey = body.get("businessKey");
      if (businessKey != null && !businessKey.isNull() && !businessKey.asText().isBlank()) {
        throw Refusal.badRequest("Field 'businessKey' is not accepted: the application assigns the case key");
      }
    }
    ProcessDefinition definition = system.call(() -> definition(path));
    if (definition == null) {
      throw new Refusal(404, "InvalidRequestException", "No such process definition");
    }
    String formId = system.call(() -> repository.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(StartEvent.class).stream()
        .filter(s -> s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
        .map(StartEvent::getCamundaFormRef).filter(r -> r != null).findFirst().orElse(null));
    checkVariables(body.get("variables"), formId, "this process's start form");
    return new CachedBody(request, bytes);
  }

  private ProcessDefinition definition(List<String> path) {
    if (path.get(1).equals("key")) {
      var query = repository.createProcessDefinitionQuery().processDefinitionKey(path.get(2)).latestVersion();
      if (path.size() >= 5 && path.get(3).equals("tenant-id")) {
        query.tenantIdIn(path.get(4));
      } else {
        query.withoutTenantId();
      }
      return query.singleResult();
    }
    return repository.createProcessDefinitionQuery().processDefinitionId(path.get(1)).singleResult();
  }

  private void checkVariables(JsonNode variables, String formId, String where) {
    if (variables == null || variables.isNull()) {
      return;
    }
    if (!variables.isObject()) {
      throw Refusal.badRequest("Field 'variables' must be a JSON object");
    }
    Set<String> allowed = formId == null ? Set.of() : forms.fields(formId).keySet();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String key = variable.getKey();
      if (!allowed.contains(key)) {
        throw Refusal.badRequest("Field '" + key + "' is not on the form of " + where
            + (allowed.isEmpty() ? "; it takes no fields" : "; it takes only " + String.join(", ",
            new TreeSet<>(allowed))));
      }
      checkValue(key, variable.getValue());
    }
  }

  /** A value as a form submits it: a primitive, or a list or object as Json text, never a serialized object. */
  private static void checkValue(String key, JsonNode variable) {
    if (variable == null || !variable.isObject()) {
      throw Refusal.badRequest("Field '" + key + "' must be given as {\"value\": ...}");
    }
    JsonNode typeNode = variable.get("type");
    String type = typeNode == null || typeNode.isNull() ? null : typeNode.asText().toLowerCase(Locale.ROOT);
    if (type != null && !FORM_VALUE_TYPES.contains(type)) {
      throw Refusal.badRequest("Field '" + key + "' has type " + typeNode.asText() + ", which no form submits");
    }
    JsonNode value = variable.get("value");
    if ("json".equals(type)) {
      if (value != null && !value.isNull()) {
        if (!value.isTextual()) {
          throw Refusal.badRequest("Field '" + key + "' of type Json must hold its JSON as text");
        }
        try {
          STRICT_JSON.readTree(value.asText());
        } catch (JsonProcessingException e) {
          throw Refusal.badRequest("Field '" + key + "' is not valid JSON (or nests deeper than 32 levels)");
        }
      }
    } else if (value != null && (value.isObject() || value.isArray())) {
      throw Refusal.badRequest("Field '" + key + "' must be a single value; send lists as type Json");
    }
  }

  static JsonNode jsonObject(byte[] bytes) {
    JsonNode body;
    try {
      body = STRICT_JSON.readTree(bytes);
    } catch (IOException e) {
      throw Refusal.badRequest("The request body is not valid JSON (or has a duplicate key, a non-numeric number, "
          + "or nests deeper than 32 levels)");
    }
    if (body == null || !body.isObject()) {
      throw Refusal.badRequest("The request body must be a JSON object (send {} for no variables)");
    }
    return body;
  }

  private static void onlyKeys(JsonNode body, Set<String> allowed) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw Refusal.badRequest("Field '" + key + "' is not accepted here; this request takes only "
            + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** A task that is gone: 409 when it was completed or cancelled meanwhile, 404 when it never existed. */
  Refusal gone(EngineCaller caller, String taskId) {
    HistoricTaskInstance past = system.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (past == null) {
      return new Refusal(404, "TaskNotFound", "No open task has this id");
    }
    if (past.getDeleteReason() == null || "completed".equals(past.getDeleteReason())) {
      return new Refusal(409, "TaskAlreadyCompleted", caller.userId().equals(past.getAssignee())
          ? "You already completed this task" : "This task was already completed by someone else");
    }
    return new Refusal(409, "TaskAlreadyCompleted",
        "This task is no longer open: the process moved on without it (" + past.getDeleteReason() + ")");
  }
}
