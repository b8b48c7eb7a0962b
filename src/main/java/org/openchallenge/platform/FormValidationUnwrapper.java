package org.openchallenge.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets a refused form submission leave the engine as the {@link FormFieldValidationException} it is.
 *
 * <p>The engine wraps whatever a task listener throws in a plain ProcessEngineException, which the REST API (and so
 * Tasklist) would answer as 500. Unwrapped, Camunda's REST API answers 400 with the validation message. The
 * interceptor sits outside the transaction interceptor, so the rollback has already happened. The refusal is logged
 * in one line; {@link RefusalLogFilter} drops the engine's stack trace for it.
 */
@Component
public class FormValidationUnwrapper extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.addBeforeTransaction(configuration, new Unwrap());
  }

  static final class Unwrap extends CommandInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(FormValidationUnwrapper.class);

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException refused) {
            LOG.info("Form submission refused: {}", refused.getMessage());
            throw refused;
          }
          if (cause instanceof TaskAlreadyCompletedException lost) {
            LOG.info("Task completion refused: {}", lost.getMessage());
            throw lost;
          }
        }
        throw e;
      }
    }
  }
}
