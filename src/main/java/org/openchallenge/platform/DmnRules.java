package org.openchallenge.platform;

import static org.openchallenge.platform.ModelXml.finding;
import static org.openchallenge.platform.ModelXml.quote;

import java.util.Locale;
import java.util.Set;

import org.openchallenge.platform.DeploymentPolicy.Finding;
import org.w3c.dom.Element;

/** DMN may run no code: every expression language it names, anywhere, must be FEEL. */
final class DmnRules {

  /** The spellings of FEEL the DMN engine accepts (ExpressionEvaluationHandler#isFeelExpressionLanguage). */
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
      "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
      "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");

  private DmnRules() {
  }

  static void check(String resource, Element element, Set<Finding> findings) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !FEEL.contains(language.toLowerCase(Locale.ROOT)) && !FEEL.contains(language)) {
      findings.add(finding(resource, element, "expression language " + quote(language)
          + " runs code; decision tables must use FEEL"));
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        check(resource, nested, findings);
      }
    }
  }
}
