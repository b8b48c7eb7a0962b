package org.openchallenge.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes what a form shows into task-local variables: plain values as they are, lists and objects as Json. */
public final class FormData {

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final DelegateTask task;

  FormData(DelegateTask task) {
    this.task = task;
  }

  public FormData put(String key, Object value) {
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      task.setVariableLocal(key, json(value));
    } else {
      task.setVariableLocal(key, value);
    }
    return this;
  }

  /** Options of a select or tag list ({@code valuesKey}): label and value of each. */
  public FormData options(String key, Map<String, String> labelByValue) {
    List<Map<String, String>> options = labelByValue.entrySet().stream()
        .map(e -> Map.of("value", e.getKey(), "label", e.getValue()))
        .toList();
    task.setVariableLocal(key, json(options));
    return this;
  }

  public static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write form data as JSON", e);
    }
  }
}
