package org.openchallenge.platform;

import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link EngineErrorMapper} in every Jersey application of this server: the engine's REST API and the
 * webapps' engine API (which Camunda's webapp starter sets up itself, out of reach of Spring's configuration).
 * Listed in META-INF/services.
 */
public class EngineErrorDiscovery implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : new Class<?>[] {EngineErrorMapper.ForRest.class, EngineErrorMapper.ForEngine.class,
        EngineErrorMapper.ForRuntime.class}) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }
}
