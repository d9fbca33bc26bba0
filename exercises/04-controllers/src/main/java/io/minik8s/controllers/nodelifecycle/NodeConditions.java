package io.minik8s.controllers.nodelifecycle;

import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the controller writes into a silent node's status (upstream: the "grace period passed"
 * branch of {@code tryUpdateNodeHealth} in
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go).
 */
final class NodeConditions {

  static final String READY = "Ready";
  /** Conditions the kubelet owns; when it goes silent nobody knows their value any more. */
  static final Set<String> KUBELET_CONDITIONS =
      Set.of(READY, "MemoryPressure", "DiskPressure", "PIDPressure");
  static final String REASON_UNKNOWN = "NodeStatusUnknown";
  static final String MESSAGE_UNKNOWN = "Kubelet stopped posting node status.";
  static final String REASON_NEVER_UPDATED = "NodeStatusNeverUpdated";
  static final String MESSAGE_NEVER_UPDATED = "Kubelet never posted node status.";

  private NodeConditions() {}

  /**
   * The conditions of a node whose kubelet went silent: {@code Ready} and the pressure conditions
   * present become {@code Unknown} with reason {@code NodeStatusUnknown} and a new transition
   * time; one already {@code Unknown} is left as it is (its transition time stays); a missing
   * {@code Ready} is added as {@code Unknown} ({@code NodeStatusNeverUpdated}). Other conditions
   * and the order are kept.
   */
  static List<Condition> markUnknown(List<Condition> conditions, Instant now) {
    // BEGIN EXERCISE 4.4 — mark a silent node's conditions Unknown
    throw new UnsupportedOperationException("TODO exercise 4.4: mark a silent node's conditions Unknown");
    // END EXERCISE 4.4
  }
}
