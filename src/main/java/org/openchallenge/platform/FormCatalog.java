package org.openchallenge.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of every Camunda Form in {@code forms/}, read once from the same files the engine deploys.
 * {@link TaskForm} uses it to keep every submitted field local to its task.
 */
@Component
public class FormCatalog {

  /** How a field's value arrives from Tasklist: a primitive, or a list (dynamic lists, tag lists, checklists). */
  public enum FieldShape { VALUE, LIST }

  private static final Set<String> VALUE_FIELDS =
      Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "datetime");
  private static final Set<String> LIST_FIELDS = Set.of("taglist", "checklist");

  private final Map<String, Map<String, FieldShape>> fieldsByForm = new LinkedHashMap<>();

  public FormCatalog(ObjectMapper json) throws IOException {
    for (Resource r : ModelDeploymentPlugin.modelResources()) {
      if (!ModelDeploymentPlugin.resourceName(r).endsWith(".form")) {
        continue;
      }
      try (InputStream in = r.getInputStream()) {
        JsonNode form = json.readTree(in);
        Map<String, FieldShape> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        fieldsByForm.put(form.path("id").asText(), fields);
      }
    }
  }

  private static void collect(JsonNode components, Map<String, FieldShape> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if ("dynamiclist".equals(type)) {
        fields.put(c.path("path").asText(), FieldShape.LIST); // rows are submitted as one list under the path
      } else if ("group".equals(type)) {
        collect(c.path("components"), fields);
      } else if (VALUE_FIELDS.contains(type) && c.hasNonNull("key")) {
        fields.put(c.path("key").asText(), FieldShape.VALUE);
      } else if (LIST_FIELDS.contains(type) && c.hasNonNull("key")) {
        fields.put(c.path("key").asText(), FieldShape.LIST);
      }
    }
  }

  /** The submitted fields of a form, by key; empty for an unknown form. */
  public Map<String, FieldShape> fields(String formId) {
    return fieldsByForm.getOrDefault(formId, Map.of());
  }

  public Set<String> formIds() {
    return fieldsByForm.keySet();
  }
}
