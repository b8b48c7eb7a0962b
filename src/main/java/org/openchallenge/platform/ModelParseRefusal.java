package org.openchallenge.platform;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A deployment whose model cannot be parsed is bad input, not a server fault: the REST API answers it with 400 and
 * the parser's message instead of 500. That covers models carrying a DOCTYPE, which the engine's parser refuses so
 * that no external entity is ever resolved (XXE).
 */
@Component
public class ModelParseRefusal extends AbstractProcessEnginePlugin {

  /** The engine's codes for a resource that could not be parsed (ENGINE-09003/09005) or a model that is invalid. */
  private static final List<String> PARSE_FAILURES = List.of("ENGINE-09003", "ENGINE-09005", "ENGINE-01009");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.addBeforeTransaction(configuration, new Refuse());
  }

  static final class Refuse extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (command instanceof DeployCmd && !(e instanceof BadUserRequestException) && e.getMessage() != null
            && PARSE_FAILURES.stream().anyMatch(e.getMessage()::contains)) {
          throw new BadUserRequestException(e.getMessage(), e);
        }
        throw e;
      }
    }
  }
}
