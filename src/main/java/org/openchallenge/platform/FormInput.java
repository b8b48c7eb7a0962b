package org.openchallenge.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-side validation of a submitted form (or of a row of a dynamic list). Each accessor checks one field and
 * records a problem naming the field by its label; {@link #throwIfInvalid()} then refuses the whole submission with all
 * problems in one message. Tasklist shows that message; the REST API answers it as 400.
 */
public final class FormInput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Object> source;
  private final List<String> problems;
  private final String context;

  private FormInput(Function<String, Object> source, List<String> problems, String context) {
    this.source = source;
    this.problems = problems;
    this.context = context;
  }

  public static FormInput of(Function<String, Object> source) {
    return new FormInput(source, new ArrayList<>(), "");
  }

  public static FormInput of(Map<String, ?> values) {
    return of(values::get);
  }

  /** How far ahead a date may lie: enough for any contract, small enough that no date computation overflows. */
  public static final int MAX_YEARS_AHEAD = 20;

  /** A required text, trimmed and normalised (NFC). */
  public String text(String key, String label, int maxLength) {
    int before = problems.size();
    String value = optionalText(key, label, maxLength);
    // Only when nothing else was wrong with it: "too long" and "required" at once would confuse.
    if (value == null && problems.size() == before) {
      problem(label + " is required");
    }
    return value;
  }

  /** An optional text, trimmed and normalised (NFC); null when blank. Invalid Unicode and control characters other
   * than tab and line breaks are refused. */
  public String optionalText(String key, String label, int maxLength) {
    Object raw = raw(key);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      problem(label + " must be text");
      return null;
    }
    String invalid = UserText.problem(s);
    if (invalid != null) {
      problem(label + " " + invalid);
      return null;
    }
    String value = UserText.normalised(s.strip());
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      problem(label + " must be at most " + maxLength + " characters (it has " + value.length() + ")");
      return null;
    }
    return value;
  }

  /** A required number within [min, max] (either bound may be null). */
  public BigDecimal decimal(String key, String label, BigDecimal min, BigDecimal max) {
    Object raw = raw(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      problem(label + " is required");
      return null;
    }
    BigDecimal value;
    try {
      value = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString().strip());
    } catch (NumberFormatException e) {
      problem(label + " must be a number");
      return null;
    }
    if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
      problem(label + " must be " + range(min, max));
      return null;
    }
    return value;
  }

  /** A required whole number within [min, max]. */
  public Integer whole(String key, String label, int min, int max) {
    BigDecimal value = decimal(key, label, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    if (value == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() > 0) {
      problem(label + " must be a whole number");
      return null;
    }
    return value.intValueExact();
  }

  /** A required choice among the constants of an enum, submitted by name. */
  public <E extends Enum<E>> E choice(String key, String label, Class<E> type) {
    Object raw = raw(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      problem(label + " is required");
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(raw.toString())) {
        return constant;
      }
    }
    problem(label + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", ")));
    return null;
  }

  /** A checkbox: true only when ticked. */
  public boolean checked(String key) {
    Object raw = raw(key);
    return raw instanceof Boolean b ? b : raw != null && "true".equalsIgnoreCase(raw.toString());
  }

  /**
   * A required date (ISO yyyy-MM-dd, as Camunda Forms' date picker submits it) within [earliest, latest]: every date
   * has a range, since timers and periods computed from an absurd one fail later and stick the case.
   */
  public LocalDate date(String key, String label, LocalDate earliest, LocalDate latest) {
    Object raw = raw(key);
    if (raw == null || raw.toString().isBlank()) {
      problem(label + " is required");
      return null;
    }
    LocalDate value;
    try {
      value = LocalDate.parse(raw.toString().strip());
    } catch (DateTimeParseException e) {
      problem(label + " must be a date (yyyy-MM-dd)");
      return null;
    }
    if (value.isBefore(earliest) || value.isAfter(latest)) {
      problem(label + " must be between " + earliest + " and " + latest + " (it is " + value + ")");
      return null;
    }
    return value;
  }

  /** A list of texts (tag list, checklist), each trimmed and normalised; empty when nothing was chosen. */
  public List<String> strings(String key, String label) {
    Object raw = raw(key);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      problem(label + " must be a list");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Object item : list) {
      if (item == null || item instanceof List<?> || item instanceof Map<?, ?>) {
        problem(label + " must hold texts only");
        return List.of();
      }
      String invalid = UserText.problem(item.toString());
      if (invalid != null) {
        problem(label + " " + invalid);
        return List.of();
      }
      values.add(UserText.normalised(item.toString().strip()));
    }
    return values;
  }

  /** The rows of a dynamic list, each validated on its own, with problems prefixed by the row's label and number. */
  public List<FormInput> rows(String key, String label, int min, int max) {
    Object raw = raw(key);
    List<?> list = raw == null ? List.of() : raw instanceof List<?> l ? l : null;
    if (list == null) {
      problem(label + " must be a list");
      return List.of();
    }
    if (list.size() < min || list.size() > max) {
      problem(label + " must have " + (min == max ? String.valueOf(min) : "between " + min + " and " + max)
          + " entries (it has " + list.size() + ")");
      return List.of();
    }
    List<FormInput> rows = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> row)) {
        problem(label + " entry " + (i + 1) + " is malformed");
        continue;
      }
      rows.add(new FormInput(row::get, problems, context + label + " " + (i + 1) + ": "));
    }
    return rows;
  }

  /** Records a problem that is not about one field's form (a rule across fields). */
  public void problem(String message) {
    problems.add(context + message);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Refuses the submission, rolling back everything it did, if any problem was recorded. */
  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems, String.join("; ", problems));
    }
  }

  private Object raw(String key) {
    Object value = source.apply(key);
    if (value instanceof SpinJsonNode node) {
      try {
        return JSON.readValue(node.toString(), Object.class);
      } catch (JsonProcessingException e) {
        return node.toString();
      }
    }
    return value;
  }

  private static String range(BigDecimal min, BigDecimal max) {
    if (min != null && max != null) {
      return "between " + min.toPlainString() + " and " + max.toPlainString();
    }
    return min != null ? "at least " + min.toPlainString() : "at most " + max.toPlainString();
  }
}
