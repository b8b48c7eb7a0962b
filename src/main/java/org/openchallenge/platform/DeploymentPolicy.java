package org.openchallenge.platform;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * What a model deployed by anyone but an administrator may run: nothing but the application's own code.
 *
 * <p>Deploying a model is running code: a script, a Java class or an expression in it runs inside the engine with
 * the engine's rights. So a BPMN model may hold no script (task, listener, mapping, condition), no
 * {@code class} or {@code expression} delegate, no connector and no field injection; a {@code delegateExpression} must
 * be exactly {@code ${bean}} naming one of the application's delegate beans (Spring beans of {@code org.openchallenge}
 * that are a {@link JavaDelegate}, {@link TaskListener} or {@link ExecutionListener}). Every other expression is
 * parsed with the engine's own JUEL parser and may use only literals, operators, process variables, the functions
 * {@code now()}, {@code dateTime()}, {@code currentUser()}, {@code currentUserGroups()}, the execution's identifiers
 * ({@code execution.processBusinessKey}), and calls to the methods of the beans marked {@link ModelExpressionBean}
 * (with {@code execution} only as a bare argument), including the components of a record such a method returns.
 * DMN must be FEEL throughout. Other resource types than BPMN, DMN and Camunda Forms are refused.
 */
@Component
public class DeploymentPolicy {

  /** One reason to refuse a resource: where ({@code elementId}, null for the whole resource) and what is wrong. */
  public record Finding(String resource, String elementId, String problem) {
    @Override
    public String toString() {
      return resource + (elementId == null ? "" : " " + elementId) + ": " + problem;
    }
  }

  private final BpmnRules bpmn;

  public DeploymentPolicy(ConfigurableListableBeanFactory beans) {
    ApplicationBeans application = new ApplicationBeans(beans);
    this.bpmn = new BpmnRules(application, new ExpressionCheck(application));
  }

  /** Every reason to refuse this resource of a deployment; empty if a non-administrator may deploy it. */
  public List<Finding> findings(String resourceName, byte[] content) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    Set<Finding> findings = new LinkedHashSet<>();
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      Document model = ModelXml.parse(resourceName, content, findings);
      if (model != null) {
        bpmn.check(resourceName, model.getDocumentElement(), findings);
      }
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Document model = ModelXml.parse(resourceName, content, findings);
      if (model != null) {
        DmnRules.check(resourceName, model.getDocumentElement(), findings);
      }
    } else if (!name.endsWith(".form")) {
      findings.add(new Finding(resourceName, null,
          "only BPMN (.bpmn), DMN (.dmn) and Camunda Form (.form) resources may be deployed"));
    }
    return List.copyOf(findings);
  }
}
