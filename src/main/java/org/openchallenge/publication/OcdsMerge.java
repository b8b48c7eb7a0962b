package org.openchallenge.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** OCDS's merge rules, which compile a case's releases into its current state. */
final class OcdsMerge {

  private OcdsMerge() {
  }

  /** The releases merged by OCDS's rules into the case's current state. */
  static Map<String, Object> compiledRelease(String ocid, List<Map<String, Object>> releases) {
    Map<String, Object> compiled = new LinkedHashMap<>();
    for (Map<String, Object> r : releases) {
      merge(compiled, r);
    }
    compiled.put("id", ocid + "-compiled");
    compiled.put("tag", List.of("compiled"));
    return compiled;
  }

  /** OCDS merge: objects field by field, arrays of objects with ids by id, everything else replaced. */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach((key, value) -> {
      Object current = into.get(key);
      if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
        merge((Map<String, Object>) c, (Map<String, Object>) m);
      } else if (value instanceof List<?> list && current instanceof List<?> existing && identified(list)
          && identified(existing)) {
        List<Object> merged = new ArrayList<>(existing);
        for (Object item : list) {
          Map<String, Object> incoming = (Map<String, Object>) item;
          Optional<Object> same = merged.stream()
              .filter(o -> ((Map<?, ?>) o).get("id").equals(incoming.get("id"))).findFirst();
          if (same.isPresent()) {
            merge((Map<String, Object>) same.get(), incoming);
          } else {
            merged.add(deepCopy(incoming));
          }
        }
        into.put(key, merged);
      } else {
        into.put(key, deepCopy(value));
      }
    });
  }

  private static boolean identified(List<?> list) {
    return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("id") != null);
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l.stream().map(OcdsMerge::deepCopy).toList());
    }
    return value;
  }
}
