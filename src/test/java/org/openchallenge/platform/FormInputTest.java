package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** FormInput's rules on their own, without the engine: what each accessor accepts, and how it names a problem. */
class FormInputTest {

  enum Stance { SUPPORT, OPPOSE }

  private static FormInput input(Object... keyValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return FormInput.of(values);
  }

  @Test
  void textsAreTrimmedNormalisedAndBounded() {
    FormInput in = input("name", "  Cafe\u0301 ", "blank", "   ", "long", "x".repeat(11), "number", 5);
    assertThat(in.text("name", "Name", 10)).isEqualTo("Caf\u00e9");
    assertThat(in.optionalText("blank", "Blank", 10)).isNull();
    assertThat(in.text("long", "Long", 10)).isNull();
    assertThat(in.text("number", "Number", 10)).isNull();
    assertThat(in.text("missing", "Missing", 10)).isNull();
    assertThat(in.problems()).containsExactly("Long must be at most 10 characters (it has 11)",
        "Number must be text", "Missing is required");
  }

  @Test
  void invalidUnicodeAndControlCharactersAreRefusedButLineBreaksKept() {
    FormInput in = input("lone", "x\ud800y", "nul", "a\u0000b", "lines", "one\r\ntwo\tthree", "emoji", "\ud83d\udc4d");
    assertThat(in.optionalText("lone", "Lone", 100)).isNull();
    assertThat(in.optionalText("nul", "Nul", 100)).isNull();
    assertThat(in.optionalText("lines", "Lines", 100)).isEqualTo("one\r\ntwo\tthree");
    assertThat(in.optionalText("emoji", "Emoji", 100)).isEqualTo("\ud83d\udc4d");
    assertThat(in.problems()).hasSize(2).allMatch(p -> p.startsWith("Lone ") || p.startsWith("Nul "));
  }

  @Test
  void numbersAreParsedAndKeptInRange() {
    FormInput in = input("ok", "12.50", "low", -1, "word", "ten", "fraction", 2.5, "whole", 3);
    assertThat(in.decimal("ok", "Ok", BigDecimal.ZERO, null)).isEqualByComparingTo("12.5");
    assertThat(in.decimal("low", "Low", BigDecimal.ZERO, BigDecimal.TEN)).isNull();
    assertThat(in.decimal("word", "Word", null, null)).isNull();
    assertThat(in.whole("fraction", "Fraction", 0, 10)).isNull();
    assertThat(in.whole("whole", "Whole", 0, 10)).isEqualTo(3);
    assertThat(in.problems()).containsExactly("Low must be between 0 and 10", "Word must be a number",
        "Fraction must be a whole number");
  }

  @Test
  void choicesTakeExactNamesOnly() {
    FormInput in = input("ok", "SUPPORT", "lower", "support", "padded", "SUPPORT ", "number", 0);
    assertThat(in.choice("ok", "Stance", Stance.class)).isEqualTo(Stance.SUPPORT);
    assertThat(in.choice("lower", "Stance", Stance.class)).isNull();
    assertThat(in.choice("padded", "Stance", Stance.class)).isNull();
    assertThat(in.choice("number", "Stance", Stance.class)).isNull();
    assertThat(in.problems()).hasSize(3).allMatch(p -> p.equals("Stance must be one of SUPPORT, OPPOSE"));
  }

  @Test
  void datesHaveARange() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate to = LocalDate.of(2046, 1, 1);
    FormInput in = input("ok", "2027-03-01", "far", "+999999999-12-31", "early", "2025-12-31", "bad", "01/03/2027");
    assertThat(in.date("ok", "Start", from, to)).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(in.date("far", "End", from, to)).isNull();
    assertThat(in.date("early", "Due", from, to)).isNull();
    assertThat(in.date("bad", "Bad", from, to)).isNull();
    assertThat(in.problems()).hasSize(3).anyMatch(p -> p.startsWith("Due must be between 2026-01-01 and 2046-01-01"))
        .anyMatch(p -> p.equals("Bad must be a date (yyyy-MM-dd)"));
  }

  @Test
  void rowsNameTheirProblemsByRowAndRefuseTogether() {
    FormInput in = input("rows", List.of(Map.of("name", "First"), Map.of("name", ""), "not a row"));
    List<FormInput> rows = in.rows("rows", "Indicator", 1, 5);
    rows.forEach(r -> r.text("name", "name", 50));
    assertThat(in.problems()).containsExactly("Indicator entry 3 is malformed", "Indicator 2: name is required");
    assertThatThrownBy(in::throwIfInvalid).isInstanceOf(FormFieldValidationException.class)
        .hasMessage("Indicator entry 3 is malformed; Indicator 2: name is required");
    assertThat(input("rows", List.of()).rows("rows", "Indicator", 1, 5)).isEmpty();
  }
}
