package org.openchallenge.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.openchallenge.platform.EngineAsSystem;
import org.openchallenge.platform.FormCatalog;
import org.openchallenge.platform.TaskLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
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

  /** POSTs that only query: Camunda takes long query filters in a body. */
  private static final Set<String> QUERY_ROOTS = Set.of("task", "process-instance", "execution", "variable-instance",
      "job", "external-task", "incident", "case-instance", "case-execution", "job-definition", "process-definition",
      "decision-definition", "deployment", "filter");
  private static final Set<String> HISTORY_QUERY_ROOTS = Set.of("process-instance", "activity-instance", "task",
      "variable-instance", "detail", "decision-instance", "incident", "job-log", "external-task-log",
      "identity-link-log", "user-operation", "case-instance", "case-activity-instance", "batch");
  private static final Set<String> FILTER_QUERIES = Set.of("list", "count", "singleResult");
  private static final List<String> QUEUE_ROLES = List.of(Roles.OFFICIALS, Roles.MANAGERS, Roles.RESEARCHERS);
  private static final List<String> METRICS_ROLES = List.of(Roles.MANAGERS, Roles.ANALYSTS);

  private final UrlPathHelper paths = new UrlPathHelper();
  private final EngineAsSystem system;
  private final TaskService tasks;
  private final IdentityService identity;
  private final FormSubmissionCheck submissions;
  private final AdministratorChanges administratorChanges;
  private final TransactionalRequest inOneTransaction;
  private final TaskLock taskLock;

  public EngineApiGuard(FormCatalog forms, EngineAsSystem system, TaskService tasks, IdentityService identity,
                        HistoryService history, RepositoryService repository, RuntimeService runtime,
                        ManagementService management, ApplicationEventPublisher events,
                        PlatformTransactionManager transactions, TaskLock taskLock) {
    this.system = system;
    this.tasks = tasks;
    this.identity = identity;
    this.submissions = new FormSubmissionCheck(forms, system, tasks, history, repository);
    this.administratorChanges = new AdministratorChanges(system, tasks, runtime, management, events, transactions);
    this.inOneTransaction = new TransactionalRequest(transactions);
    this.taskLock = taskLock;
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
      refusal.send(response);
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
      String taskId = path.get(1);
      HttpServletRequest body = submissions.checkTaskSubmission(caller, request, taskId);
      // Of two people completing one task at once, the second waits here for the first to commit, then learns
      // the task is gone (409) before the engine loads anything.
      inOneTransaction.run(() -> lockOpenTask(caller, taskId), body, response, chain, "A task's completion");
    } else if (isStart(method, path)) {
      chain.doFilter(submissions.checkStart(caller, request, path), response);
    } else if (caller.isAdministrator()) {
      administratorChanges.run(caller, request, response, chain, method, path);
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

  /** The few writes a role's work consists of, besides forms; everything else is the administrators'. */
  private HttpServletRequest checkWorkOperation(EngineCaller caller, HttpServletRequest request, String method,
                                                List<String> path) throws IOException {
        if (method.equals("POST") && path.size() == 3 && path.get(0).equals("task")
        && Set.of("claim", "unclaim").contains(path.get(2))) {
      byte[] bytes = request.getInputStream().readAllBytes();
      if (path.get(2).equals("claim")) {
        JsonNode body = FormSubmissionCheck.jsonObject(bytes);
        if (!caller.userId().equals(body.path("userId").asText())) {
          throw Refusal.forbidden("You may claim a task only for yourself");
        }
      }
      checkQueueTask(caller, path.get(1));
      return new CachedBody(request, bytes);
    }
    if (method.equals("POST") && path.size() == 3 && path.get(0).equals("task") && path.get(2).equals("assignee")) {
      byte[] bytes = request.getInputStream().readAllBytes();
      JsonNode assignee = FormSubmissionCheck.jsonObject(bytes).path("userId");
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
    throw Refusal.forbidden("Only administrators may " + AdministratorChanges.operation(method, path)
        + "; see docs/security.md for what each role may do");
  }

  private void lockOpenTask(EngineCaller caller, String taskId) {
    if (!taskLock.lockIfOpen(taskId)) {
      throw submissions.gone(caller, taskId);
    }
  }

  /** Claiming and unclaiming is for group queues: a personal task (a juror's, a stakeholder's) stays its holder's. */
  private List<String> checkQueueTask(EngineCaller caller, String taskId) {
    Task task = system.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw submissions.gone(caller, taskId);
    }
    List<String> groups = system.call(() -> tasks.getIdentityLinksForTask(taskId)).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    if (groups.isEmpty() || !caller.isInAny(groups) || !caller.isInAny(QUEUE_ROLES)) {
      throw Refusal.forbidden("This task is not in a queue of your group: only an administrator may reassign it");
    }
    return groups;
  }

}
