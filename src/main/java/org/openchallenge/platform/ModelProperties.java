package org.openchallenge.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads the Camunda extension properties an analyst sets on a model element in Modeler (Extension properties). */
public final class ModelProperties {

  private ModelProperties() {
  }

  /** The value of the named property on the element being executed; fails loudly when the model lacks it. */
  public static String required(DelegateExecution execution, String name) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element != null && element.getExtensionElements() != null) {
      for (CamundaProperties properties : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (name.equals(property.getCamundaName())) {
            return property.getCamundaValue();
          }
        }
      }
    }
    throw new IllegalStateException("Model element " + execution.getCurrentActivityId()
        + " has no extension property '" + name + "'");
  }
}
