package org.openchallenge.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A current ISO 4217 currency code as OCDS lists it ({@link Codes}); null is valid (pair with @NotNull). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCurrency.Check.class)
public @interface IsoCurrency {

  String message() default "must be an ISO 4217 currency code such as EUR";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<IsoCurrency, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Codes.isCurrency(value);
    }
  }
}
