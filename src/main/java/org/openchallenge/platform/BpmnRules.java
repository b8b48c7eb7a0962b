package org.openchallenge.platform;

import static org.openchallenge.platform.ModelXml.finding;
import static org.openchallenge.platform.ModelXml.quote;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openchallenge.platform.DeploymentPolicy.Finding;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The walk over a BPMN model's elements, attributes and text: no script, class, {@code expression}, connector or
 * field injection; a {@code delegateExpression} only as {@code ${bean}} naming a delegate bean; every other expression
 * checked by {@link ExpressionCheck}.
 */
final class BpmnRules {

  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][\\w]*)\\s*}\\s*");

  private final ApplicationBeans beans;
  private final ExpressionCheck expressions;

  BpmnRules(ApplicationBeans beans, ExpressionCheck expressions) {
    this.beans = beans;
    this.expressions = expressions;
  }

  void check(String resource, Element element, Set<Finding> findings) {
    String kind = element.getLocalName();
    if ("scriptTask".equals(kind) || "script".equals(kind)) {
      findings.add(finding(resource, element, "a script runs code; use a service task with a delegate bean"));
      return;
    }
    // Any namespace: the engine also reads its extensions under the legacy activiti namespace.
    if ("connector".equals(kind)) {
      findings.add(finding(resource, element, "a connector calls out of the engine"));
      return;
    }
    if ("field".equals(kind)) {
      findings.add(finding(resource, element, "field injection changes the application's delegate beans"));
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(resource, element, (Attr) attributes.item(i), findings);
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        check(resource, nested, findings);
      } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
          || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
        checkExpression(resource, element, child.getNodeValue(), findings);
      }
    }
  }

  private void checkAttribute(String resource, Element element, Attr attribute, Set<Finding> findings) {
    String name = attribute.getLocalName();
    String value = attribute.getValue();
    switch (name) {
      case "class", "variableMappingClass" -> findings.add(finding(resource, element,
          "`" + name + "` runs the Java class " + quote(value) + "; use delegateExpression with a delegate bean"));
      case "expression" -> findings.add(finding(resource, element, "`expression` " + quote(value)
          + " runs whatever it calls; use delegateExpression with a delegate bean"));
      case "language", "scriptFormat", "resource" -> findings.add(finding(resource, element,
          "`" + name + "` " + quote(value) + " makes a script, which runs code"));
      case "variableMappingDelegateExpression" -> findings.add(finding(resource, element,
          "a variable mapping delegate runs code"));
      case "delegateExpression" -> checkDelegateExpression(resource, element, value, findings);
      default -> checkExpression(resource, element, value, findings);
    }
  }

  private void checkDelegateExpression(String resource, Element element, String value, Set<Finding> findings) {
    Matcher bean = DELEGATE_EXPRESSION.matcher(value);
    if (!bean.matches() || !beans.delegateBeans().contains(bean.group(1))) {
      findings.add(finding(resource, element, "delegateExpression " + quote(value)
          + " must be ${bean} naming one of the application's delegate beans"));
    }
  }

  private void checkExpression(String resource, Element element, String text, Set<Finding> findings) {
    for (String problem : expressions.problems(text)) {
      findings.add(finding(resource, element, problem));
    }
  }
}
