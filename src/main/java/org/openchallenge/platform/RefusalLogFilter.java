package org.openchallenge.platform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps refused form submissions (and lost races for a task, and refused deployments) out of the error log. The engine logs every exception that ends a command as
 * ENGINE-16004 at ERROR with its stack trace, including a form the server refused, which is a 400 answered to the user,
 * not a fault. {@link FormValidationUnwrapper} logs such a refusal in one line instead; so does
 * {@link DeploymentPolicyPlugin} for a refused deployment. Registered in logback-spring.xml.
 */
public class RefusalLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName()) || level != Level.ERROR) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t;
    if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      thrown = last;
    }
    return isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isRefusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException || cause instanceof TaskAlreadyCompletedException
          || cause instanceof DeploymentPolicyPlugin.DeploymentRefused) {
        return true;
      }
    }
    return false;
  }
}
