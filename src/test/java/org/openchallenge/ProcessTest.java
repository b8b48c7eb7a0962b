package org.openchallenge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application as it runs, with the job executor off so that tests fire timers themselves. Every test class with
 * this annotation shares one application context (and database); tests use their own cases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "openchallenge.demo-data=true"})
public @interface ProcessTest {
}
