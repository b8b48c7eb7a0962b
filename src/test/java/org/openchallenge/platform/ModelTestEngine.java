package org.openchallenge.platform;

import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An engine of its own for a model test, registered as a JUnit extension before Camunda's (which deploys the test's
 * models on it): in memory, its beans resolved from {@code Mocks}, no job executor (tests fire timers themselves),
 * full history for the assertions. Named after the test, so it never takes the place of the application's engine in
 * the same JVM. Before each test BPM Assert is pointed at it, after each the mocks are forgotten, and after the
 * class it is closed and BPM Assert forgets it too: a later test that does not name its engine would otherwise
 * query this closed one's empty database.
 */
public final class ModelTestEngine implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final ProcessEngine engine;

  public ModelTestEngine(String name) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    this.engine = configuration.buildProcessEngine();
  }

  public ProcessEngine engine() {
    return engine;
  }

  /** Camunda's extension on this engine: it deploys the test's {@code @Deployment} and removes it afterwards. */
  public ProcessEngineExtension camundaExtension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }

  /** The form beans of the model's user tasks, as listeners that do nothing. */
  public static void mockForms(String... beanNames) {
    for (String bean : beanNames) {
      Mocks.register(bean, mock(TaskListener.class));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    BpmnAwareTests.init(engine);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Mocks.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    engine.close();
    BpmnAwareTests.reset();
  }
}
