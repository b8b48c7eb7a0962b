package org.openchallenge.platform;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API as Camunda ships it, with the application's error answers ({@link EngineErrorMapper}, which
 * {@link EngineErrorDiscovery} also registers in the webapps' engine API).
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    super.registerAdditionalResources();
    register(EngineErrorMapper.ForRest.class);
    register(EngineErrorMapper.ForEngine.class);
    register(EngineErrorMapper.ForRuntime.class);
  }
}
