package org.openchallenge.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean whose public methods a model deployed by a non-administrator may call in its expressions
 * ({@code ${caseSchedule.researchWindow(execution)}}), see {@link DeploymentPolicy}. Only put it on beans whose every
 * public method only reads: an analyst can call any of them, with {@code execution} or process variables.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelExpressionBean {
}
