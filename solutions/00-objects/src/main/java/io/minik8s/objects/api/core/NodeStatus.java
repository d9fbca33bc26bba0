package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * What the kubelet reports about its node: total ({@code capacity}) and schedulable ({@code
 * allocatable}) resources as quantity strings, conditions ({@code Ready}, {@code MemoryPressure}...)
 * and addresses.
 *
 * <p>Upstream: {@code v1.NodeStatus}.
 */
public record NodeStatus(
    Map<String, String> capacity,
    Map<String, String> allocatable,
    String phase,
    List<Condition> conditions,
    List<NodeAddress> addresses,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public NodeStatus {
    capacity = Copies.map(capacity);
    allocatable = Copies.map(allocatable);
    conditions = Copies.list(conditions);
    addresses = Copies.list(addresses);
    unknownFields = Copies.unknown(unknownFields);
  }

  public NodeStatus(
      Map<String, String> capacity,
      Map<String, String> allocatable,
      List<Condition> conditions,
      List<NodeAddress> addresses) {
    this(capacity, allocatable, null, conditions, addresses, Map.of());
  }

  public NodeStatus withConditions(List<Condition> conditions) {
    return new NodeStatus(capacity, allocatable, phase, conditions, addresses, unknownFields);
  }
}
