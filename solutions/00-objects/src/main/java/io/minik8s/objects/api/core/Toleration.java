package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Lets a pod be scheduled onto (or stay on) a node with a matching {@link Taint}. {@code
 * operator} is {@code Equal} (the default: key and value must match) or {@code Exists} (any
 * value; an empty key with Exists tolerates everything). An empty {@code effect} matches all
 * effects.
 *
 * <p>Upstream: {@code v1.Toleration}.
 */
public record Toleration(
    String key,
    String operator,
    String value,
    String effect,
    Long tolerationSeconds,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public Toleration {
    unknownFields = Copies.unknown(unknownFields);
  }

  public Toleration(String key, String operator, String value, String effect) {
    this(key, operator, value, effect, null, Map.of());
  }
}
