package org.openchallenge.publication;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** Reads publication/policy.yml and applies it: which parts of a ledger entry the public sees. */
@Component
public class PublicationPolicy {

  static final String RESOURCE = "publication/policy.yml";

  private final Set<String> publicActorRoles;
  private final Map<String, List<String>> publicFields;

  @SuppressWarnings("unchecked")
  public PublicationPolicy() throws IOException {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      Map<String, Object> policy = new Yaml().load(in);
      this.publicActorRoles = Set.copyOf((List<String>) policy.get("public-actor-roles"));
      this.publicFields = Map.copyOf((Map<String, List<String>>) policy.get("kinds"));
    }
  }

  public boolean actorIsPublic(String role) {
    return role != null && publicActorRoles.contains(role);
  }

  /** The public fields of an entry's data, in the data's order; none for a kind the policy does not list. */
  public Map<String, Object> publicData(String kind, Map<String, Object> data) {
    List<String> fields = publicFields.getOrDefault(kind, List.of());
    Map<String, Object> visible = new LinkedHashMap<>();
    data.forEach((name, value) -> {
      if (fields.contains(name)) {
        visible.put(name, value);
      }
    });
    return visible;
  }

}
