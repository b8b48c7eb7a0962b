package org.openchallenge.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API as Camunda ships it, plus one correction: completing or submitting a task that no longer
 * exists (another official completed it first, or a juror submits twice) answers 404, not the 500 Camunda's task
 * resource gives every engine error.
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    super.registerAdditionalResources();
    register(TaskGoneMapper.class);
  }

  /** Chosen over Camunda's own mapper of the same exception type by its priority. */
  @Provider
  @Priority(1)
  public static class TaskGoneMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      if (e.getCause() instanceof NullValueException gone && gone.getMessage() != null
          && gone.getMessage().startsWith("Cannot find task with id")) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "TaskNotFound", "message", "The task no longer exists: it was completed or "
                + "cancelled meanwhile (" + gone.getMessage() + ")"))
            .build();
      }
      return camunda.toResponse(e);
    }
  }
}
