package org.openchallenge.platform;

import static org.openchallenge.platform.ApplicationBeans.APPLICATION_PACKAGE;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What an expression's node evaluates to, as far as {@link ExpressionCheck} cares, and the types read from the
 * read-only beans: which methods models may call, and which records those return, whose components may be read.
 */
final class ExpressionTypes {

  private ExpressionTypes() {
  }

  /** What an expression's node evaluates to. */
  sealed interface Kind {
  }

  /** A value: a literal, a process variable, a result of arithmetic. */
  record Data() implements Kind {
  }

  /** The {@code execution} identifier. */
  record ExecutionObject() implements Kind {
  }

  /** A bean marked {@link ModelExpressionBean}. */
  record ExpressionBean(String name, Class<?> type) implements Kind {
  }

  /** A record returned by such a bean's method: its components may be read. */
  record Facts(Class<?> type) implements Kind {
  }

  static final Kind DATA = new Data();

  static Set<String> callableMethods(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (Method method : type.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
          && !method.isSynthetic() && !method.isBridge()) {
        names.add(method.getName());
      }
    }
    return names;
  }

  /** A record when every public method of that name returns the same record type, plain data otherwise. */
  static Kind resultOf(Class<?> type, String name) {
    Set<Class<?>> results = new HashSet<>();
    Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name))
        .forEach(m -> results.add(m.getReturnType()));
    Class<?> result = results.size() == 1 ? results.iterator().next() : null;
    return result != null && result.isRecord() && result.getName().startsWith(APPLICATION_PACKAGE)
        ? new Facts(result) : DATA;
  }

  static boolean isComponent(Class<?> record, String name) {
    return name != null && Arrays.stream(record.getRecordComponents()).anyMatch(c -> c.getName().equals(name));
  }

  static Kind componentOf(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name) && component.getType().isRecord()
          && component.getType().getName().startsWith(APPLICATION_PACKAGE)) {
        return new Facts(component.getType());
      }
    }
    return DATA;
  }
}
