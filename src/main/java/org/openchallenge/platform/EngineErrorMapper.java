package org.openchallenge.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's error answers, with two corrections, for {@code /engine-rest} and the webapps' engine API alike
 * ({@link EngineErrorDiscovery} registers it in every Jersey application):
 * <ul>
 *   <li>losing a race for a task (someone else completed it first, or changed what this request changes) answers
 *       409 with a plain message, not Camunda's 500 with SQL or an optimistic-locking message;</li>
 *   <li>every other server error answers 500 with a reference to the log, never the exception's message, which can
 *       hold SQL, class names or data.</li>
 * </ul>
 * Chosen over Camunda's mappers of the same exception types by its priority.
 */
public final class EngineErrorMapper {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrorMapper.class);
  private static final String MISSING_TASK = "Cannot find task with id";

  private EngineErrorMapper() {
  }

  static Response toResponse(Throwable e, java.util.function.Supplier<Response> camunda) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskAlreadyCompletedException) {
        return answer(Response.Status.CONFLICT, "TaskAlreadyCompleted", cause.getMessage());
      }
      if (cause instanceof NullValueException gone && gone.getMessage() != null
          && gone.getMessage().startsWith(MISSING_TASK)) {
        return wasCompleted(gone.getMessage().substring(MISSING_TASK.length()).strip())
            ? answer(Response.Status.CONFLICT, "TaskAlreadyCompleted", new TaskAlreadyCompletedException().getMessage())
            : answer(Response.Status.NOT_FOUND, "TaskNotFound", "No open task has this id");
      }
      // The winner's commit also took away the task's grants, so a loser already past the lookup fails on them.
      if (cause instanceof AuthorizationException denied && denied.getMissingAuthorizations().stream()
          .anyMatch(m -> Resources.TASK.resourceName().equals(m.getResourceType())
              && m.getResourceId() != null && wasCompleted(m.getResourceId()))) {
        return answer(Response.Status.CONFLICT, "TaskAlreadyCompleted", new TaskAlreadyCompletedException().getMessage());
      }
      if (cause instanceof OptimisticLockingException) {
        return answer(Response.Status.CONFLICT, "Conflict",
            "Someone else changed this at the same time; reload and try again");
      }
    }
    // Camunda's own answer only now: it logs every 500 it makes, a lost race included.
    Response camundas = camunda.get();
    if (camundas.getStatus() >= 500) {
      String reference = UUID.randomUUID().toString();
      LOG.error("Engine API error {}: {}", reference, e.toString(), e);
      return answer(Response.Status.INTERNAL_SERVER_ERROR, "InternalError",
          "Internal error; it has been logged with reference " + reference);
    }
    return camundas;
  }

  /** Whether a task is no longer open but existed (it was completed or cancelled meanwhile), rather than never. */
  private static boolean wasCompleted(String taskId) {
    ProcessEngine engine = ServiceLoader.load(ProcessEngineProvider.class).findFirst()
        .map(ProcessEngineProvider::getDefaultProcessEngine).orElse(null);
    if (engine == null) {
      return false;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() ->
        engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0
            && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0));
  }

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }

  @Priority(1)
  public static class ForRest implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      return EngineErrorMapper.toResponse(e, () -> camunda.toResponse(e));
    }
  }

  @Priority(1)
  public static class ForEngine implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      return EngineErrorMapper.toResponse(e, () -> camunda.toResponse(e));
    }
  }

  /** Anything else unexpected (a NullPointerException on a missing body, say); HTTP errors stay as they are. */
  @Priority(1)
  public static class ForRuntime implements ExceptionMapper<RuntimeException> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof WebApplicationException web) {
        return web.getResponse();
      }
      return EngineErrorMapper.toResponse(e, () -> camunda.toResponse(e));
    }
  }
}
