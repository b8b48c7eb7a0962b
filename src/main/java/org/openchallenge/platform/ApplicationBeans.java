package org.openchallenge.platform;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The catalogue of the application's beans that models may name: its delegate beans and its read-only beans marked
 * {@link ModelExpressionBean}. Read from the bean factory on first use, when every bean is defined.
 */
final class ApplicationBeans {

  static final String APPLICATION_PACKAGE = "org.openchallenge.";

  private final ConfigurableListableBeanFactory beans;
  private volatile Set<String> delegateBeans;
  private volatile Map<String, Class<?>> expressionBeans;

  ApplicationBeans(ConfigurableListableBeanFactory beans) {
    this.beans = beans;
  }

  /** Whether any Spring bean, the application's or not, has this name. */
  boolean contains(String name) {
    return beans.containsBean(name);
  }

  /** Spring beans of the application that are delegates or listeners, by name. */
  Set<String> delegateBeans() {
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
  Map<String, Class<?>> expressionBeans() {
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
}
