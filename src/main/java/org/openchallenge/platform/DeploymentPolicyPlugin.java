package org.openchallenge.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies {@link DeploymentPolicy} to every new deployment, in the engine, so that every path is covered: the REST
 * API, the webapps, the Java API and the application's own start-up deployment of {@code processes/}, which analysts
 * edit too. Only administrators (the engine's {@code camunda-admin}) are exempt: they may already do anything. A
 * refused deployment is a {@link ParseException} listing every finding, which the REST API answers with 400 and
 * which rolls the whole deployment back.
 */
@Component
public class DeploymentPolicyPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentPolicyPlugin.class);
  private final DeploymentPolicy policy;

  public DeploymentPolicyPlugin(DeploymentPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this::check);
    configuration.setCustomPreDeployers(deployers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // With the legacy behaviour a DMN expression without expressionLanguage is JUEL, which the policy does not check.
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      throw new IllegalStateException("DeploymentPolicy needs FEEL as the DMN default: turn off "
          + "dmnFeelEnableLegacyBehavior");
    }
  }

  private void check(DeploymentEntity deployment) {
    // Deployers also run when a deployment already stored is loaded into the cache: that one was checked.
    if (!deployment.isNew()) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    Authentication user = command.getAuthentication();
    if (user != null && command.getAuthorizationManager().isCamundaAdmin(user)) {
      return;
    }
    Map<String, List<DeploymentPolicy.Finding>> findings = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      List<DeploymentPolicy.Finding> found = policy.findings(resource.getName(), resource.getBytes());
      if (!found.isEmpty()) {
        findings.put(resource.getName(), found);
      }
    }
    if (!findings.isEmpty()) {
      DeploymentRefused refused = new DeploymentRefused(findings);
      // One line instead of the engine's stack trace (RefusalLogFilter): who tried to deploy what.
      LOG.warn("Deployment '{}' by {} refused: {}", deployment.getName(), user == null ? "the application"
          : user.getUserId(), refused.getMessage());
      throw refused;
    }
  }

  /** A refused deployment, with a report per resource that the REST API returns as {@code details}. */
  static final class DeploymentRefused extends ParseException {

    DeploymentRefused(Map<String, List<DeploymentPolicy.Finding>> findings) {
      super(message(findings), findings.keySet().iterator().next(), List.of(), List.of());
      resorceReports = findings.entrySet().stream().map(e -> report(e.getKey(), e.getValue())).toList();
    }

    private static String message(Map<String, List<DeploymentPolicy.Finding>> findings) {
      return "Deployment refused: only an administrator may deploy a model that runs code or uses more than process "
          + "variables, the application's delegate beans and its read-only beans. "
          + findings.values().stream().flatMap(List::stream).map(DeploymentPolicy.Finding::toString)
          .collect(Collectors.joining("; "));
    }

    private static ResourceReport report(String resource, List<DeploymentPolicy.Finding> findings) {
      List<Problem> problems = findings.stream().<Problem>map(FindingProblem::new).toList();
      return new ResourceReport() {
        @Override
        public String getResourceName() {
          return resource;
        }

        @Override
        public List<Problem> getErrors() {
          return problems;
        }

        @Override
        public List<Problem> getWarnings() {
          return List.of();
        }
      };
    }
  }

  private record FindingProblem(DeploymentPolicy.Finding finding) implements Problem {
    @Override
    public String getMessage() {
      return finding.problem();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return finding.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return finding.elementId() == null ? List.of() : List.of(finding.elementId());
    }
  }
}
