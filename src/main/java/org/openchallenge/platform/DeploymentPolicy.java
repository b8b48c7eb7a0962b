package org.openchallenge.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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

  private static final String APPLICATION_PACKAGE = "org.openchallenge.";
  /** Names the engine's expression resolvers bind to its own objects. */
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "variableScope", "caseExecution",
      "externalTask", "variableContext", "processEngine", "processEngineServices", "processEngineConfiguration");
  /** The execution's identifiers, which models may read ({@code #{execution.processBusinessKey}}). */
  private static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey", "processInstanceId",
      "processDefinitionId", "currentActivityId", "id");
  /** Camunda's built-in functions, which only read the clock or the current user. */
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** The spellings of FEEL the DMN engine accepts (ExpressionEvaluationHandler#isFeelExpressionLanguage). */
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
      "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
      "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");
  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][\\w]*)\\s*}\\s*");
  private static final int QUOTED_LENGTH = 120;

  private final ConfigurableListableBeanFactory beans;
  private volatile Set<String> delegateBeans;
  private volatile Map<String, Class<?>> expressionBeans;

  public DeploymentPolicy(ConfigurableListableBeanFactory beans) {
    this.beans = beans;
  }

  /** Every reason to refuse this resource of a deployment; empty if a non-administrator may deploy it. */
  public List<Finding> findings(String resourceName, byte[] content) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    Set<Finding> findings = new LinkedHashSet<>();
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      Document model = parse(resourceName, content, findings);
      if (model != null) {
        checkBpmn(resourceName, model.getDocumentElement(), findings);
      }
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Document model = parse(resourceName, content, findings);
      if (model != null) {
        checkDmn(resourceName, model.getDocumentElement(), findings);
      }
    } else if (!name.endsWith(".form")) {
      findings.add(new Finding(resourceName, null,
          "only BPMN (.bpmn), DMN (.dmn) and Camunda Form (.form) resources may be deployed"));
    }
    return List.copyOf(findings);
  }

  // ------------------------------------------------------------------ BPMN

  private void checkBpmn(String resource, Element element, Set<Finding> findings) {
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
      checkBpmnAttribute(resource, element, (Attr) attributes.item(i), findings);
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        checkBpmn(resource, nested, findings);
      } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
          || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
        checkExpression(resource, element, child.getNodeValue(), findings);
      }
    }
  }

  private void checkBpmnAttribute(String resource, Element element, Attr attribute, Set<Finding> findings) {
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
    if (!bean.matches() || !delegateBeans().contains(bean.group(1))) {
      findings.add(finding(resource, element, "delegateExpression " + quote(value)
          + " must be ${bean} naming one of the application's delegate beans"));
    }
  }

  // ------------------------------------------------------------------ DMN

  private void checkDmn(String resource, Element element, Set<Finding> findings) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !FEEL.contains(language.toLowerCase(Locale.ROOT)) && !FEEL.contains(language)) {
      findings.add(finding(resource, element, "expression language " + quote(language)
          + " runs code; decision tables must use FEEL"));
    }
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        checkDmn(resource, nested, findings);
      }
    }
  }

  // ------------------------------------------------------------------ expressions

  private void checkExpression(String resource, Element element, String text, Set<Finding> findings) {
    if (text == null || (!text.contains("${") && !text.contains("#{"))) {
      return;
    }
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
    } catch (TreeBuilderException e) {
      findings.add(finding(resource, element, quote(text) + " is not a valid expression"));
      return;
    }
    List<String> problems = new ArrayList<>();
    new ExpressionWalk(problems).value(root);
    for (String problem : new LinkedHashSet<>(problems)) {
      findings.add(finding(resource, element, quote(text) + ": " + problem));
    }
  }

  /** What an expression's node evaluates to, as far as the rules care. */
  private sealed interface Kind {
  }

  /** A value: a literal, a process variable, a result of arithmetic. */
  private record Data() implements Kind {
  }

  /** The {@code execution} identifier. */
  private record ExecutionObject() implements Kind {
  }

  /** A bean marked {@link ModelExpressionBean}. */
  private record ExpressionBean(String name, Class<?> type) implements Kind {
  }

  /** A record returned by such a bean's method: its components may be read. */
  private record Facts(Class<?> type) implements Kind {
  }

  private static final Kind DATA = new Data();

  private final class ExpressionWalk {

    private final List<String> problems;

    ExpressionWalk(List<String> problems) {
      this.problems = problems;
    }

    /** Walks a node whose result is used as a value, where beans and {@code execution} may not appear. */
    Kind value(Node node) {
      Kind kind = walk(node);
      if (kind instanceof ExpressionBean bean) {
        problems.add("`" + bean.name() + "` may only be used to call one of its methods");
      } else if (kind instanceof ExecutionObject) {
        problems.add("`execution` may only be passed to a method of the application's read-only beans, as in "
            + "${caseSchedule.researchWindow(execution)}");
      }
      return DATA;
    }

    private Kind walk(Node node) {
      if (node instanceof AstIdentifier identifier) {
        return identifier(identifier.getName());
      }
      if (node instanceof AstMethod method) {
        return method(method);
      }
      if (node instanceof AstProperty property) {
        return property(property);
      }
      if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
        problems.add("the function `" + function.getName() + "` is not allowed (only " + FUNCTIONS + ")");
        return DATA;
      }
      if (node instanceof AstFunction || node instanceof AstEval || node instanceof AstText
          || node instanceof AstComposite || node instanceof AstNested || node instanceof AstBinary
          || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstParameters
          || node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean
          || node instanceof AstNull) {
        for (int i = 0; i < node.getCardinality(); i++) {
          value(node.getChild(i));
        }
        return DATA;
      }
      problems.add("`" + node + "` is not an allowed construct");
      return DATA;
    }

    private Kind identifier(String name) {
      Class<?> readOnly = expressionBeans().get(name);
      if (readOnly != null) {
        return new ExpressionBean(name, readOnly);
      }
      if ("execution".equals(name)) {
        return new ExecutionObject();
      }
      if (ENGINE_OBJECTS.contains(name)) {
        problems.add("`" + name + "` is the engine's own object, out of reach of deployed models");
      } else if (beans.containsBean(name)) {
        problems.add("`" + name + "` is an application bean that expressions may not use (only the read-only beans "
            + expressionBeans().keySet() + ")");
      }
      // Anything else is a process variable.
      return DATA;
    }

    private Kind method(AstMethod call) {
      AstProperty target = (AstProperty) call.getChild(0);
      Node arguments = call.getChild(1);
      String name = memberName(target);
      Kind base = walk(target.getChild(0));
      if (base instanceof ExpressionBean bean) {
        for (int i = 0; i < arguments.getCardinality(); i++) {
          Node argument = arguments.getChild(i);
          if (!(argument instanceof AstIdentifier id && "execution".equals(id.getName()))) {
            value(argument);
          }
        }
        if (name == null || !callableMethods(bean.type()).contains(name)) {
          problems.add("`" + bean.name() + "` has no method " + (name == null ? "named by a constant" : "`" + name
              + "`") + " that models may call");
          return DATA;
        }
        return resultOf(bean.type(), name);
      }
      for (int i = 0; i < arguments.getCardinality(); i++) {
        value(arguments.getChild(i));
      }
      if (base instanceof Facts facts && arguments.getCardinality() == 0 && isComponent(facts.type(), name)) {
        return componentOf(facts.type(), name);
      }
      problems.add(describeCall(base, name) + "; only the methods of the application's read-only beans "
          + expressionBeans().keySet() + " may be called");
      return DATA;
    }

    private Kind property(AstProperty access) {
      String name = memberName(access);
      if (access instanceof AstBracket && name == null) {
        value(access.getChild(1));
      }
      Kind base = walk(access.getChild(0));
      if (base instanceof ExpressionBean bean) {
        problems.add("reads the property `" + name + "` of `" + bean.name() + "`; call one of its methods instead");
      } else if (base instanceof ExecutionObject) {
        if (access instanceof AstDot && EXECUTION_PROPERTIES.contains(name)) {
          return DATA;
        }
        problems.add("reads `execution." + name + "`: the engine's objects are out of reach of deployed models (only "
            + EXECUTION_PROPERTIES + " may be read)");
      } else if (base instanceof Facts facts) {
        if (isComponent(facts.type(), name)) {
          return componentOf(facts.type(), name);
        }
        problems.add("`" + name + "` is not a component of " + facts.type().getSimpleName());
      } else if (name == null) {
        problems.add("a property named by a computed value may reach anything; name the property");
      } else if ("class".equalsIgnoreCase(name)) {
        problems.add("the property `class` reaches the Java runtime");
      }
      return DATA;
    }

    private String describeCall(Kind base, String name) {
      String method = name == null ? "a method named by a computed value" : "the method `" + name + "`";
      return base instanceof ExecutionObject ? "calls " + method + " on `execution`" : "calls " + method
          + " on a value";
    }
  }

  /** The name in {@code a.name} or {@code a['name']}; null when it is computed. */
  private static String memberName(AstProperty property) {
    if (property instanceof AstDot dot) {
      String text = dot.toString(); // ". name"
      return text.startsWith(". ") ? text.substring(2) : null;
    }
    Node key = property.getChild(1);
    if (key instanceof AstString || key instanceof AstNumber) {
      return String.valueOf(((org.camunda.bpm.impl.juel.AstNode) key).eval(null, null));
    }
    return null;
  }

  private static Set<String> callableMethods(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (Method method : type.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
          && !method.isSynthetic() && !method.isBridge()) {
        names.add(method.getName());
      }
    }
    return names;
  }

  /** A record when every public method of that name returns the same record type, plain data otherwise. */
  private static Kind resultOf(Class<?> type, String name) {
    Set<Class<?>> results = new HashSet<>();
    Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name))
        .forEach(m -> results.add(m.getReturnType()));
    Class<?> result = results.size() == 1 ? results.iterator().next() : null;
    return result != null && result.isRecord() && result.getName().startsWith(APPLICATION_PACKAGE)
        ? new Facts(result) : DATA;
  }

  private static boolean isComponent(Class<?> record, String name) {
    return name != null && Arrays.stream(record.getRecordComponents()).anyMatch(c -> c.getName().equals(name));
  }

  private static Kind componentOf(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name) && component.getType().isRecord()
          && component.getType().getName().startsWith(APPLICATION_PACKAGE)) {
        return new Facts(component.getType());
      }
    }
    return DATA;
  }

  // ------------------------------------------------------------------ the application's beans

  /** Spring beans of the application that are delegates or listeners, by name. */
  private Set<String> delegateBeans() {
    if (delegateBeans == null) {
      Set<String> names = new HashSet<>();
      for (Class<?> type : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
        for (String name : beans.getBeanNamesForType(type, true, false)) {
          if (declaredByApplication(name)) {
            names.add(name);
          }
        }
      }
      delegateBeans = Set.copyOf(names);
    }
    return delegateBeans;
  }

  /** The beans marked {@link ModelExpressionBean}, by name, with their class. */
  private Map<String, Class<?>> expressionBeans() {
    if (expressionBeans == null) {
      Map<String, Class<?>> marked = new HashMap<>();
      for (String name : beans.getBeanDefinitionNames()) {
        Class<?> type = beans.getType(name, false);
        if (type != null && ClassUtils.getUserClass(type).isAnnotationPresent(ModelExpressionBean.class)
            && declaredByApplication(name)) {
          marked.put(name, ClassUtils.getUserClass(type));
        }
      }
      expressionBeans = Map.copyOf(marked);
    }
    return expressionBeans;
  }

  /** Whether the bean's class, or the configuration class of its factory method, is the application's own. */
  private boolean declaredByApplication(String name) {
    if (!beans.containsBeanDefinition(name)) {
      return false;
    }
    BeanDefinition definition = beans.getBeanDefinition(name);
    String origin;
    if (definition.getFactoryBeanName() != null) {
      Class<?> factory = beans.getType(definition.getFactoryBeanName(), false);
      origin = factory == null ? null : ClassUtils.getUserClass(factory).getName();
    } else {
      Class<?> type = beans.getType(name, false);
      origin = type == null ? definition.getBeanClassName() : ClassUtils.getUserClass(type).getName();
    }
    return origin != null && origin.startsWith(APPLICATION_PACKAGE);
  }

  // ------------------------------------------------------------------ helpers

  private static Document parse(String resource, byte[] content, Set<Finding> findings) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // No DOCTYPE, hence no external entity is ever resolved (XXE).
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(Quiet.INSTANCE);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (SAXException | IOException e) {
      findings.add(new Finding(resource, null, "cannot be read as XML: " + e.getMessage()));
      return null;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The XML parser cannot be configured securely", e);
    }
  }

  /** Parse errors become findings instead of lines on standard error. */
  private enum Quiet implements ErrorHandler {
    INSTANCE;

    @Override
    public void warning(SAXParseException e) {
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  private static Finding finding(String resource, Element element, String problem) {
    for (org.w3c.dom.Node at = element; at instanceof Element e; at = e.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return new Finding(resource, e.getAttribute("id"), problem);
      }
    }
    return new Finding(resource, null, problem);
  }

  private static String quote(String text) {
    String trimmed = text.strip();
    return "`" + (trimmed.length() > QUOTED_LENGTH ? trimmed.substring(0, QUOTED_LENGTH) + "..." : trimmed) + "`";
  }
}
