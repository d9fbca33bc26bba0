package io.minik8s.objects.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the collection components of API records: {@code null} becomes empty, the
 * result is unmodifiable, and maps keep their insertion order (so YAML written back lists labels
 * in the order the user wrote them, run after run).
 *
 * <p>An absent list and an empty list are therefore the same value; on the wire both are omitted,
 * which is what Go's {@code omitempty} does for Kubernetes objects.
 */
public final class Copies {

  private Copies() {}

  /** An unmodifiable copy of {@code list}; {@code null} gives an empty list. */
  public static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** An unmodifiable, order-preserving copy of {@code map}; {@code null} gives an empty map. */
  public static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The copy used for {@link UnknownFields} components. */
  public static Map<String, JsonNode> unknown(Map<String, JsonNode> fields) {
    return map(fields);
  }
}
