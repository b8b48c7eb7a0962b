package org.openchallenge.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.platform.FormCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What each role may do through the engine's API, on top of engine authorization: {@code /engine-rest/**} (HTTP
 * Basic) and the webapps' {@code /camunda/api/**} (their session), which reach the same Camunda REST resources.
 *
 * <p>Engine authorization cannot tell the work a role does from everything else its permissions allow: the UPDATE a
 * manager needs to move a timer also modifies instances and writes variables, and a task form's submission writes
 * any variable it carries. So, for everyone but administrators, reads and queries pass to the engine (which checks
 * them) and writes are refused unless they are one of the few operations a role's work consists of:
 * <ul>
 *   <li>submitting a task's form or completing it, carrying only the fields of that task's Camunda Form;</li>
 *   <li>starting a process through its start form, carrying only that form's fields;</li>
 *   <li>claiming, unclaiming or handing to a colleague a task of one's own group's queue (never a juror's or
 *       stakeholder's personal task);</li>
 *   <li>managers: moving a timer's due date (Cockpit's Jobs tab); analysts: deploying models.</li>
 * </ul>
 * Administrators may do everything; what they change by hand is published in the ledger in the same transaction
 * ({@link EngineIntervention}). Form submissions are held to their form's fields for administrators too: gateway
 * flags are set by the application only.
 */
public class EngineApiGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);

  /** Strict JSON: no duplicate keys (two parsers could read different values), bounded nesting. */
  static final ObjectMapper STRICT_JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** POSTs that only query: Camunda takes long query filters in a body. */
  private static final Set<String> QUERY_ROOTS = Set.of("task", "process-instance", "execution", "variable-instance",
      "job", "external-task", "incident", "case-instance", "case-execution", "job-definition", "process-definition",
      "decision-definition", "deployment", "filter");
  private static final Set<String> HISTORY_QUERY_ROOTS = Set.of("process-instance", "activity-instance", "task",
      "variable-instance", "detail", "decision-instance", "incident", "job-log", "external-task-log",
      "identity-link-log", "user-operation", "case-instance", "case-activity-instance", "batch");
  private static final Set<String> FILTER_QUERIES = Set.of("list", "count", "singleResult");
  /** Value types a form field can arrive in (Tasklist sends primitives untyped, lists as Json). */
  private static final Set<String> FORM_VALUE_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "json", "null");
  private static final List<String> QUEUE_ROLES = List.of(Roles.OFFICIALS, Roles.MANAGERS, Roles.RESEARCHERS);
  private static final List<String> METRICS_ROLES = List.of(Roles.MANAGERS, Roles.ANALYSTS);

  private final UrlPathHelper paths = new UrlPathHelper();
  private final FormCatalog forms;
  private final EngineAsSystem system;
  private final TaskService tasks;
  private final IdentityService identity;
  private final HistoryService history;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  public EngineApiGuard(FormCatalog forms, EngineAsSystem system, TaskService tasks, IdentityService identity,
                        HistoryService history,
                        RepositoryService repository, RuntimeService runtime, ManagementService management,
                        ApplicationEventPublisher events, PlatformTransactionManager transactions) {
    this.forms = forms;
    this.system = system;
    this.tasks = tasks;
    this.identity = identity;
    this.history = history;
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** A refusal: the status and Camunda's error body. */
  static final class Refusal extends RuntimeException {
    final int status;
    final String type;

    Refusal(int status, String type, String message) {
      super(message, null, false, false);
      this.status = status;
      this.type = type;
    }

    static Refusal badRequest(String message) {
      return new Refusal(400, "InvalidRequestException", message);
    }

    static Refusal forbidden(String message) {
      return new Refusal(403, "AuthorizationException", message);
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Decoded and normalised as the servlet container maps it, so an encoded or padded path decides the same way.
    List<String> segments = Arrays.stream(paths.getPathWithinApplication(request).split("/"))
        .filter(s -> !s.isEmpty()).toList();
    try {
      if (!segments.isEmpty() && segments.get(0).equals("engine-rest")) {
        List<String> rest = segments.subList(1, segments.size());
        if (rest.size() >= 2 && rest.get(0).equals("engine")) {
          rest = rest.subList(2, rest.size());
        }
        engineCall(EngineCaller.ofApi(), request, response, chain, rest);
      } else if (segments.size() >= 3 && segments.get(0).equals("camunda") && segments.get(1).equals("api")) {
        webappCall(EngineCaller.ofWebapp(request), request, response, chain, segments.subList(2, segments.size()));
      } else {
        chain.doFilter(request, response);
      }
    } catch (Refusal refusal) {
      refuse(response, refusal);
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  private void webappCall(EngineCaller caller, HttpServletRequest request, HttpServletResponse response,
                          FilterChain chain, List<String> api) throws ServletException, IOException {
    if (caller == null) {
      chain.doFilter(request, response); // the webapps answer 401 themselves
      return;
    }
    switch (api.get(0)) {
      case "engine" -> {
        if (api.size() >= 3 && api.get(1).equals("engine")) {
          engineCall(caller, request, response, chain, api.subList(3, api.size()));
        } else {
          chain.doFilter(request, response);
        }
      }
      // The webapps' own plugin APIs: only for users who may open that webapp.
      case "cockpit", "tasklist" -> {
        requireApp(caller, api.get(0));
        chain.doFilter(request, response);
      }
      case "admin" -> {
        if (api.size() < 2 || !Set.of("auth", "setup").contains(api.get(1))) {
          requireApp(caller, "admin");
        }
        chain.doFilter(request, response);
      }
      default -> chain.doFilter(request, response);
    }
  }

  private static void requireApp(EngineCaller caller, String app) {
    if (!caller.isAdministrator() && !caller.apps().contains(app)) {
      throw Refusal.forbidden("Only users who may open " + app + " may call its API");
    }
  }

  private void engineCall(EngineCaller caller, HttpServletRequest request, HttpServletResponse response,
                          FilterChain chain, List<String> path) throws ServletException, IOException {
    if (caller == null || path.isEmpty()) {
      chain.doFilter(request, response); // Spring Security or the webapps refuse anonymous callers
      return;
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    boolean read = Set.of("GET", "HEAD", "OPTIONS").contains(method);
    if (read) {
      checkRead(caller, request, path);
      chain.doFilter(request, response);
    } else if (method.equals("POST") && isQuery(path)) {
      chain.doFilter(request, response);
    } else if (isTaskSubmission(method, path)) {
      HttpServletRequest body = checkTaskSubmission(caller, request, path.get(1));
      chain.doFilter(body, response);
    } else if (isStart(method, path)) {
      chain.doFilter(checkStart(caller, request, path), response);
    } else if (caller.isAdministrator()) {
      recorded(caller, request, response, chain, method, path);
    } else {
      chain.doFilter(checkWorkOperation(caller, request, method, path), response);
    }
  }

  private static void checkRead(EngineCaller caller, HttpServletRequest request, List<String> path) {
    if (caller.isAdministrator()) {
      return;
    }
    switch (path.get(0)) {
      case "metrics" -> {
        if (!caller.isInAny(METRICS_ROLES)) {
          throw Refusal.forbidden("Only managers, analysts and administrators may read the engine's metrics");
        }
      }
      case "telemetry", "schema" -> throw Refusal.forbidden("Only administrators may read " + path.get(0));
      case "identity" -> {
        String user = request.getParameter("userId");
        if (path.size() > 1 && path.get(1).equals("groups") && user != null && !user.equals(caller.userId())) {
          throw Refusal.forbidden("You may list only your own groups");
        }
      }
      default -> { }
    }
  }

  static boolean isQuery(List<String> path) {
    List<String> p = path.get(path.size() - 1).equals("count") ? path.subList(0, path.size() - 1) : path;
    if (p.size() == 1) {
      return QUERY_ROOTS.contains(p.get(0));
    }
    if (p.size() == 2 && p.get(0).equals("history")) {
      return HISTORY_QUERY_ROOTS.contains(p.get(1));
    }
    return path.size() == 3 && path.get(0).equals("filter") && FILTER_QUERIES.contains(path.get(2));
  }

  private static boolean isTaskSubmission(String method, List<String> path) {
    return method.equals("POST") && path.size() == 3 && path.get(0).equals("task")
        && Set.of("submit-form", "complete").contains(path.get(2));
  }

  private static boolean isStart(String method, List<String> path) {
    return method.equals("POST") && path.get(0).equals("process-definition") && path.size() >= 3
        && Set.of("start", "submit-form").contains(path.get(path.size() - 1));
  }

  /** A task's form submission carries only that form's fields, as values a form can produce. */
  private HttpServletRequest checkTaskSubmission(EngineCaller caller, HttpServletRequest request, String taskId)
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
  private HttpServletRequest checkStart(EngineCaller caller, HttpServletRequest request, List<String> path)
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

  private static JsonNode jsonObject(byte[] bytes) {
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
  private Refusal gone(EngineCaller caller, String taskId) {
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

  /** The few writes a role's work consists of, besides forms; everything else is the administrators'. */
  private HttpServletRequest checkWorkOperation(EngineCaller caller, HttpServletRequest request, String method,
                                                List<String> path) throws IOException {
    String operation = method + " " + String.join("/", path);
    if (method.equals("POST") && path.size() == 3 && path.get(0).equals("task")
        && Set.of("claim", "unclaim").contains(path.get(2))) {
      byte[] bytes = request.getInputStream().readAllBytes();
      if (path.get(2).equals("claim")) {
        JsonNode body = jsonObject(bytes);
        if (!caller.userId().equals(body.path("userId").asText())) {
          throw Refusal.forbidden("You may claim a task only for yourself");
        }
      }
      checkQueueTask(caller, path.get(1));
      return new CachedBody(request, bytes);
    }
    if (method.equals("POST") && path.size() == 3 && path.get(0).equals("task") && path.get(2).equals("assignee")) {
      byte[] bytes = request.getInputStream().readAllBytes();
      JsonNode assignee = jsonObject(bytes).path("userId");
      List<String> queue = checkQueueTask(caller, path.get(1));
      String target = assignee.isMissingNode() || assignee.isNull() ? null : assignee.asText();
      if (target != null && queue.stream().noneMatch(group -> system.call(() -> identity.createUserQuery()
          .userId(target).memberOfGroup(group).count()) > 0)) {
        throw Refusal.forbidden("A queue's task can be handed only to a member of that queue's group");
      }
      return new CachedBody(request, bytes);
    }
    if (method.equals("POST") && path.size() == 4 && path.get(0).equals("task") && path.get(2).equals("comment")
        && path.get(3).equals("create")) {
      return request;
    }
    if (path.size() >= 3 && path.get(0).equals("job") && path.get(2).equals("duedate")
        && (method.equals("PUT") && path.size() == 3 || method.equals("POST") && path.size() == 4
            && path.get(3).equals("recalculate"))) {
      if (!caller.isIn(Roles.MANAGERS)) {
        throw Refusal.forbidden("Only managers and administrators may move a timer");
      }
      return request;
    }
    // Analysts deploy changed models; what a model may contain is checked by the engine when it deploys.
    if (method.equals("POST") && path.equals(List.of("deployment", "create")) && caller.isIn(Roles.ANALYSTS)) {
      return request;
    }
    if (method.equals("POST") && path.equals(List.of("identity", "password-policy"))) {
      return request;
    }
    throw Refusal.forbidden("Only administrators may " + operation(method, path)
        + "; see docs/security.md for what each role may do");
  }

  /** Claiming and unclaiming is for group queues: a personal task (a juror's, a stakeholder's) stays its holder's. */
  private List<String> checkQueueTask(EngineCaller caller, String taskId) {
    Task task = system.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw gone(caller, taskId);
    }
    List<String> groups = system.call(() -> tasks.getIdentityLinksForTask(taskId)).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    if (groups.isEmpty() || !caller.isInAny(groups) || !caller.isInAny(QUEUE_ROLES)) {
      throw Refusal.forbidden("This task is not in a queue of your group: only an administrator may reassign it");
    }
    return groups;
  }

  /** An administrator's change by hand, published in the ledger in the transaction of the change. */
  private void recorded(EngineCaller caller, HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain, String method, List<String> path) throws IOException, ServletException {
    String objectId = path.size() >= 2 ? path.get(1) : null;
    String processInstanceId = system.call(() -> processInstanceOf(path));
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      transaction.executeWithoutResult(status -> {
        events.publishEvent(new EngineIntervention(caller.userId(), operation(method, path), objectId,
            processInstanceId));
        try {
          chain.doFilter(request, buffered);
        } catch (IOException | ServletException e) {
          throw new IllegalStateException(e);
        }
        if (buffered.getStatus() >= 400) {
          status.setRollbackOnly();
        }
      });
    } catch (TransactionException e) {
      LOG.warn("An administrator's change could not be committed: {}", e.getMessage());
      buffered.resetBuffer();
      refuse(buffered, new Refusal(409, "Conflict", "The change could not be saved; reload and try again"));
    }
    buffered.copyBodyToResponse();
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

  private static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
    response.setStatus(refusal.status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(STRICT_JSON.writeValueAsString(Map.of("type", refusal.type,
        "message", refusal.getMessage())));
  }

  /** The request with the body this filter already read, for the engine's REST resources to read again. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
