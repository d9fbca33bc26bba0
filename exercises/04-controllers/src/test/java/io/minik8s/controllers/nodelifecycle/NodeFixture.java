package io.minik8s.controllers.nodelifecycle;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.Action;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.controllers.testing.TestPods;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.coordination.LeaseSpec;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.NodeSpec;
import io.minik8s.objects.api.core.NodeStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.api.core.Toleration;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node lifecycle controller (grace period 40 s) on a {@link FakeCluster} (informers never
 * started). {@link #monitor()} copies the server's objects into the caches, as the informers
 * would have, then runs one monitoring pass.
 */
final class NodeFixture {

  static final Duration GRACE = Duration.ofSeconds(40);

  final FakeCluster cluster = new FakeCluster();
  final ManualClock clock = cluster.clock;
  final FakeKubeClient client = cluster.client;
  final SharedIndexInformer<Node> nodes = cluster.informer(Node.class);
  final SharedIndexInformer<Lease> leases = cluster.informer(Lease.class);
  final SharedIndexInformer<Pod> pods = cluster.informer(Pod.class);
  final NodeLifecycleController controller = new NodeLifecycleController(client, nodes, leases,
      pods, clock, GRACE, Duration.ofSeconds(5));

  /** A node whose kubelet last posted {@code Ready=readyStatus} at the current time. */
  void addNode(String name, String readyStatus) {
    client.addObjects(new Node(ObjectMeta.named(name), new NodeSpec(null, null, null),
        new NodeStatus(null, null, List.of(readyCondition(readyStatus, clock.instant())), null)));
  }

  static Condition readyCondition(String status, Instant heartbeat) {
    String at = Timestamps.format(heartbeat);
    return new Condition("Ready", status, null, null, at, null, at, "KubeletReady",
        "kubelet is posting ready status", Map.of());
  }

  /** The kubelet posts its Ready condition again, with a new heartbeat at {@code heartbeat}. */
  void postStatus(String name, String readyStatus, Instant heartbeat) {
    Node node = node(name);
    client.resource(Node.class).updateStatus(node.withStatus(
        node.status().withConditions(List.of(readyCondition(readyStatus, heartbeat)))));
  }

  /** The node's Lease in kube-node-lease, renewed at {@code renewTime} (the kubelet's clock). */
  void addLease(String nodeName, Instant renewTime) {
    client.addObjects(new Lease(ObjectMeta.named("kube-node-lease", nodeName),
        new LeaseSpec(nodeName, 40, null, Timestamps.formatMicro(renewTime), 0)));
  }

  void renewLease(String nodeName, Instant renewTime) {
    Lease lease = client.resource(Lease.class).get("kube-node-lease", nodeName);
    client.resource(Lease.class).update(
        lease.withSpec(lease.spec().withRenewTime(Timestamps.formatMicro(renewTime))));
  }

  /** A running, ready pod bound to {@code nodeName} with these tolerations. */
  void addPod(String name, String nodeName, Toleration... tolerations) {
    Pod pod = TestPods.ready(TestPods.scheduled(TestPods.pod("default", name, Map.of()), nodeName),
        Instant.parse("2026-01-01T00:00:00Z"));
    client.addObjects(pod.withMetadata(pod.metadata().withResourceVersion(null))
        .withSpec(pod.spec().withTolerations(List.of(tolerations))));
  }

  static Toleration tolerate(String key, Long seconds) {
    return new Toleration(key, "Exists", null, "NoExecute", seconds, Map.of());
  }

  /** Fills the caches from the fake server, then runs one monitoring pass. */
  void monitor() throws Exception {
    cluster.catchUp(Node.class);
    cluster.catchUp(Lease.class);
    cluster.catchUp(Pod.class);
    controller.monitorNodeHealth();
  }

  Node node(String name) {
    return client.resource(Node.class).get(null, name);
  }

  Optional<Condition> condition(String nodeName, String type) {
    return Condition.find(node(nodeName).status().conditions(), type);
  }

  String readyStatus(String nodeName) {
    return condition(nodeName, "Ready").map(Condition::status).orElse(null);
  }

  List<Taint> taints(String nodeName) {
    return node(nodeName).spec() == null ? List.of() : node(nodeName).spec().taints();
  }

  List<String> taintKeys(String nodeName) {
    return taints(nodeName).stream().map(t -> t.key() + ":" + t.effect()).toList();
  }

  /** The names of the pods the controller deleted, in order. */
  List<String> evicted() {
    return client.actions("delete", "pods").stream().map(Action::name).toList();
  }

  List<Action> nodeWrites() {
    return client.actions("update", "*").stream()
        .filter(a -> a.resource().startsWith("nodes")).toList();
  }
}
