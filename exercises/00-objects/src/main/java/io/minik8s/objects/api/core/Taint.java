package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Repels pods that do not tolerate it. {@code effect} is {@code NoSchedule}, {@code
 * PreferNoSchedule} or {@code NoExecute} (evicts running pods too). The node lifecycle controller
 * adds the {@link #NOT_READY} and {@link #UNREACHABLE} taints.
 *
 * <p>Upstream: {@code v1.Taint}.
 */
public record Taint(
    String key,
    String value,
    String effect,
    String timeAdded,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  // Upstream: TaintNodeNotReady, TaintNodeUnreachable (k8s.io/api/core/v1/well_known_taints.go)
  // and TaintEffectNoExecute (types.go).

  /** On a node whose {@code Ready} condition is {@code False}. */
  public static final String NOT_READY = "node.kubernetes.io/not-ready";

  /** On a node whose {@code Ready} condition is {@code Unknown}: it stopped reporting. */
  public static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  /** The effect that also evicts running pods which do not tolerate the taint. */
  public static final String NO_EXECUTE = "NoExecute";

  public Taint {
    unknownFields = Copies.unknown(unknownFields);
  }

  public Taint(String key, String value, String effect) {
    this(key, value, effect, null, Map.of());
  }
}
