package io.minik8s.controllers.nodelifecycle;

import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When each node last showed a sign of life, on the controller's own clock (upstream's {@code
 * nodeHealthData} and {@code tryUpdateNodeHealth} in
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go).
 *
 * <p>A kubelet shows it is alive two ways: it renews its Lease in {@code kube-node-lease} (every
 * 10 s upstream) and it bumps the {@code lastHeartbeatTime} of the node's {@code Ready} condition
 * (rarely, when nothing else changes). Both timestamps are written with the <em>kubelet's</em>
 * clock, which may be minutes off ours. So we never compare them with our clock: we only notice
 * that they <em>changed</em> and record when we noticed ({@code probedAt}). A node is stale when
 * nothing changed for longer than the grace period:
 *
 * <pre>
 *   our clock   lease renewTime (kubelet clock)   probedAt   stale? (grace 40 s)
 *   10:00:00    09:57:00                          10:00:00   no   (first sight: full grace)
 *   10:00:10    09:57:10  (renewed)               10:00:10   no
 *   10:00:50    09:57:10                          10:00:10   no   (exactly 40 s: not yet)
 *   10:00:51    09:57:10                          10:00:10   yes
 * </pre>
 */
final class NodeHealth {

  /** What one node showed at our last look, and when we last saw it change. */
  private record Observation(String heartbeat, String renewTime, Instant probedAt) {}

  private final ConcurrentMap<String, Observation> byNode = new ConcurrentHashMap<>();

  /**
   * Records what {@code node} and its {@code lease} (null if it has none) show at {@code now},
   * and answers whether the node has shown no sign of life for more than {@code grace}.
   */
  boolean isStale(Node node, Lease lease, Instant now, Duration grace) {
    String name = node.metadata().name();
    String heartbeat = readyHeartbeat(node);
    String renewTime = lease == null || lease.spec() == null ? null : lease.spec().renewTime();
    // BEGIN EXERCISE 4.4 — decide a node's health from its lease and status
    throw new UnsupportedOperationException("TODO exercise 4.4: decide a node's health from its lease and status");
    // END EXERCISE 4.4
  }

  /** Upstream counts a lease as renewed only if its renewTime moved forward. */
  private static boolean renewed(String before, String after) {
    if (after == null) {
      return false;
    }
    return before == null || Timestamps.parse(after).isAfter(Timestamps.parse(before));
  }

  /** Forgets a deleted node. */
  void forget(String nodeName) {
    byNode.remove(nodeName);
  }

  private static String readyHeartbeat(Node node) {
    List<Condition> conditions = node.status() == null ? List.of() : node.status().conditions();
    return Condition.find(conditions, NodeConditions.READY)
        .map(Condition::lastHeartbeatTime).orElse(null);
  }
}
