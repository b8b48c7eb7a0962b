package org.openchallenge.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN and DMN models of {@code processes/} and the Camunda Forms of {@code forms/} as one deployment
 * under stable resource names ({@code processes/x.bpmn}, {@code forms/x.form}).
 *
 * <p>The starter's auto-deployment names resources by absolute path when run from {@code target/classes} but by file
 * name inside the jar, so switching between the two would version every process anew. Deploying everything together
 * also keeps {@code camunda:formRefBinding="deployment"} valid: a process always finds its forms beside it.
 * An unchanged set is not redeployed.
 */
@Component
public class ModelDeploymentPlugin extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "open-challenge-models";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeploymentPlugin.class);
  private static final String[][] FOLDERS = {
      {"processes", "*.bpmn"}, {"processes", "*.dmn"}, {"forms", "*.form"}};

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        // false: if any resource changed, deploy all of them together (forms are bound by deployment).
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    try {
      for (Resource resource : modelResources()) {
        String name = resourceName(resource);
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
        }
        names.add(name);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the process models and forms from the classpath", e);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("No process model found under classpath:processes/");
    }
    deployment.deploy();
    LOG.info("Deployed {} models and forms: {}", names.size(), names);
  }

  static List<Resource> modelResources() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> resources = new ArrayList<>();
    for (String[] folder : FOLDERS) {
      for (Resource r : resolver.getResources("classpath*:" + folder[0] + "/" + folder[1])) {
        resources.add(r);
      }
    }
    resources.sort(Comparator.comparing(ModelDeploymentPlugin::resourceName));
    return resources;
  }

  static String resourceName(Resource resource) {
    try {
      String url = resource.getURL().toString();
      for (String[] folder : FOLDERS) {
        int at = url.lastIndexOf("/" + folder[0] + "/");
        if (at >= 0) {
          return url.substring(at + 1);
        }
      }
      return resource.getFilename();
    } catch (IOException e) {
      return resource.getFilename();
    }
  }
}
