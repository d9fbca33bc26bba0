package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Repels pods that do not tolerate it. {@code effect} is {@code NoSchedule}, {@code
 * PreferNoSchedule} or {@code NoExecute} (evicts running pods too). The node lifecycle controller
 * adds {@code node.kubernetes.io/not-ready} and {@code node.kubernetes.io/unreachable} taints.
 *
 * <p>Upstream: {@code v1.Taint}.
 */
public record Taint(
    String key,
    String value,
    String effect,
    String timeAdded,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public Taint {
    unknownFields = Copies.unknown(unknownFields);
  }

  public Taint(String key, String value, String effect) {
    this(key, value, effect, null, Map.of());
  }
}
