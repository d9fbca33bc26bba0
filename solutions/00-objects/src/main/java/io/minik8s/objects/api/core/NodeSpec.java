package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * The node's configuration: the pod IP range assigned to it, whether new pods may be scheduled
 * there ({@code unschedulable}, set by {@code kubectl cordon}) and its taints.
 *
 * <p>Upstream: {@code v1.NodeSpec}.
 */
public record NodeSpec(
    String podCIDR,
    List<String> podCIDRs,
    String providerID,
    Boolean unschedulable,
    List<Taint> taints,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public NodeSpec {
    podCIDRs = Copies.list(podCIDRs);
    taints = Copies.list(taints);
    unknownFields = Copies.unknown(unknownFields);
  }

  public NodeSpec(String podCIDR, Boolean unschedulable, List<Taint> taints) {
    this(podCIDR, null, null, unschedulable, taints, Map.of());
  }

  public NodeSpec withUnschedulable(Boolean unschedulable) {
    return new NodeSpec(podCIDR, podCIDRs, providerID, unschedulable, taints, unknownFields);
  }

  public NodeSpec withTaints(List<Taint> taints) {
    return new NodeSpec(podCIDR, podCIDRs, providerID, unschedulable, taints, unknownFields);
  }
}
