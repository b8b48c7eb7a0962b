package org.openchallenge.platform;

import static org.openchallenge.platform.ExpressionTypes.DATA;
import static org.openchallenge.platform.ExpressionTypes.callableMethods;
import static org.openchallenge.platform.ExpressionTypes.componentOf;
import static org.openchallenge.platform.ExpressionTypes.isComponent;
import static org.openchallenge.platform.ExpressionTypes.resultOf;
import static org.openchallenge.platform.ModelXml.quote;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import org.openchallenge.platform.ExpressionTypes.ExecutionObject;
import org.openchallenge.platform.ExpressionTypes.ExpressionBean;
import org.openchallenge.platform.ExpressionTypes.Facts;
import org.openchallenge.platform.ExpressionTypes.Kind;

/**
 * Checks one expression on the syntax tree of the engine's own JUEL parser: only literals, operators, process
 * variables, the clock and user functions, the execution's identifiers and the methods of the read-only beans.
 */
final class ExpressionCheck {

  /** Names the engine's expression resolvers bind to its own objects. */
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "variableScope", "caseExecution",
      "externalTask", "variableContext", "processEngine", "processEngineServices", "processEngineConfiguration");
  /** The execution's identifiers, which models may read ({@code #{execution.processBusinessKey}}). */
  private static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey", "processInstanceId",
      "processDefinitionId", "currentActivityId", "id");
  /** Camunda's built-in functions, which only read the clock or the current user. */
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private final ApplicationBeans beans;

  ExpressionCheck(ApplicationBeans beans) {
    this.beans = beans;
  }

  /** What is wrong with this text, each once, quoting it; empty when it holds no expression or a harmless one. */
  List<String> problems(String text) {
    if (text == null || (!text.contains("${") && !text.contains("#{"))) {
      return List.of();
    }
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
    } catch (TreeBuilderException e) {
      return List.of(quote(text) + " is not a valid expression");
    }
    List<String> problems = new ArrayList<>();
    new Walk(problems).value(root);
    List<String> quoted = new ArrayList<>();
    for (String problem : new LinkedHashSet<>(problems)) {
      quoted.add(quote(text) + ": " + problem);
    }
    return quoted;
  }

  private final class Walk {

    private final List<String> problems;

    Walk(List<String> problems) {
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
      Class<?> readOnly = beans.expressionBeans().get(name);
      if (readOnly != null) {
        return new ExpressionBean(name, readOnly);
      }
      if ("execution".equals(name)) {
        return new ExecutionObject();
      }
      if (ENGINE_OBJECTS.contains(name)) {
        problems.add("`" + name + "` is the engine's own object, out of reach of deployed models");
      } else if (beans.contains(name)) {
        problems.add("`" + name + "` is an application bean that expressions may not use (only the read-only beans "
            + beans.expressionBeans().keySet() + ")");
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
          + beans.expressionBeans().keySet() + " may be called");
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
}
