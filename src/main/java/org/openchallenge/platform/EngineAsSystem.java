package org.openchallenge.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that the application makes on its own behalf without the engine's authorization checks.
 *
 * <p>Engine authorization governs what users may do through Tasklist, Cockpit and the engine's REST API. When the
 * application's own API has already decided that a user may act (a provider submitting to an open challenge, an
 * official cancelling a case), the engine work that follows (correlating a message, looking up a group's members)
 * is the application's, not the user's: the user holds no engine permission on the case and needs none. Callers
 * check the user's rights before calling this.
 */
@Component
public class EngineAsSystem {

  private final ProcessEngineConfigurationImpl configuration;

  public EngineAsSystem(ProcessEngineConfiguration configuration) {
    this.configuration = (ProcessEngineConfigurationImpl) configuration;
  }

  public <T> T call(Supplier<T> work) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return current.runWithoutAuthorization(work::get);
    }
    // Engine calls made inside this command reuse its context, so they run unchecked too.
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
