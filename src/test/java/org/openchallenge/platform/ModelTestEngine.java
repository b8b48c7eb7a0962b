package org.openchallenge.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * An engine of its own for a model test: in memory, its beans resolved from {@code Mocks}, no job executor (tests
 * fire timers themselves), full history for the assertions. Named after the test, so it never takes the place of
 * the application's engine in the same JVM; close it with {@link #close} after the test class.
 */
public final class ModelTestEngine {

  private ModelTestEngine() {
  }

  public static ProcessEngine named(String name) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    return configuration.buildProcessEngine();
  }

  /**
   * Closes the engine and makes BPM Assert forget it: it keeps the last engine it used, and a later test that does
   * not name its engine would otherwise query this closed one's empty database.
   */
  public static void close(ProcessEngine engine) {
    engine.close();
    BpmnAwareTests.reset();
  }
}
