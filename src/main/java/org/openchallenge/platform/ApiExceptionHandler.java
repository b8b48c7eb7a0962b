package org.openchallenge.platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.databind.JsonMappingException;

/** One JSON error body for the application's API: status, error and a message; never a stack trace or SQL. */
@RestControllerAdvice(basePackages = "org.openchallenge")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  public record ApiError(OffsetDateTime timestamp, int status, String error, String message) {
    static ResponseEntity<ApiError> of(HttpStatus status, String message) {
      return ResponseEntity.status(status)
          .body(new ApiError(OffsetDateTime.now(), status.value(), status.getReasonPhrase(), message));
    }
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e) {
    return ApiError.of(e.status(), e.getMessage());
  }

  @ExceptionHandler(FormFieldValidationException.class)
  ResponseEntity<ApiError> invalidForm(FormFieldValidationException e) {
    return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
    String message = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + " " + f.getDefaultMessage())
        .sorted()
        .collect(Collectors.joining("; "));
    return ApiError.of(HttpStatus.BAD_REQUEST, message);
  }

  @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(org.springframework.web.method.annotation.HandlerMethodValidationException e) {
    String message = e.getParameterValidationResults().stream()
        .map(r -> r.getMethodParameter().getParameterName() + " "
            + r.getResolvableErrors().stream().map(m -> m.getDefaultMessage()).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
    return ApiError.of(HttpStatus.BAD_REQUEST, message);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestTooLargeException tooLarge) {
        return ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
      }
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        String problem = mapping instanceof StrictJsonInput.Refusal refusal ? refusal.problem()
            : "is not of the expected type";
        return ApiError.of(HttpStatus.BAD_REQUEST, jsonPath(mapping.getPath()) + ": " + problem);
      }
    }
    return ApiError.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape");
  }

  /** The field's path as a client wrote it: {@code attachments[0].label}. */
  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        text.append('[').append(step.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
    return ApiError.of(HttpStatus.BAD_REQUEST, "Parameter " + e.getName() + " has an invalid value");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    LOG.error("Unexpected error in the API", e);
    return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; it has been logged");
  }
}
