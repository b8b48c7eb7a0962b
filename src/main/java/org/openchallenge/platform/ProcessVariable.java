package org.openchallenge.platform;

import org.camunda.bpm.engine.delegate.VariableScope;

/** A process variable with its name and type in one place, read and written with typed access. */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public T get(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }
}
