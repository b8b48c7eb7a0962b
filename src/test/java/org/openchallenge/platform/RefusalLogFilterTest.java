package org.openchallenge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

class RefusalLogFilterTest {

  final LoggerContext context = new LoggerContext();
  final Logger engineContext = context.getLogger(RefusalLogFilter.ENGINE_CONTEXT_LOGGER);
  final RefusalLogFilter filter = new RefusalLogFilter();

  @Test
  void dropsTheEngineErrorForARefusedForm() {
    Exception wrapped = new ProcessEngineException("ENGINE-03051 listener failed",
        new FormFieldValidationException("title", "Title is required"));
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", new Object[] {"x", wrapped}, null))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", null, wrapped))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsRealFaultsAndOtherLoggers() {
    Exception fault = new ProcessEngineException("database down", new IllegalStateException("no connection"));
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004", new Object[] {fault}, null))
        .isEqualTo(FilterReply.NEUTRAL);
    Exception refusal = new FormFieldValidationException("title", "Title is required");
    assertThat(filter.decide(null, context.getLogger("org.openchallenge"), Level.ERROR, "x", null, refusal))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
