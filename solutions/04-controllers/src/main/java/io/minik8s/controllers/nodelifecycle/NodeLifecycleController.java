package io.minik8s.controllers.nodelifecycle;

import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.NodeSpec;
import io.minik8s.objects.api.core.NodeStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches node heartbeats and reacts to silent or unready nodes (upstream:
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go and the taint eviction controller,
 * pkg/controller/tainteviction/taint_eviction.go).
 *
 * <pre>
 *   every monitorPeriod, for each node (sync(nodeName)):
 *     lease renewed or Ready heartbeat changed lately?  (NodeHealth, on our clock)
 *     silent for more than the grace period        Ready etc. := Unknown   (status update)
 *     Ready True / False / Unknown                 no taint / not-ready / unreachable NoExecute
 *     Ready not True                               its pods' Ready := False
 *     pods not tolerating the NoExecute taints     deleted now, or after tolerationSeconds
 * </pre>
 *
 * A sync is per node and level-based, so the periodic pass just enqueues every node; node, lease
 * and pod events enqueue the node they concern, and a pending eviction asks for a sync at its
 * time.
 */
public final class NodeLifecycleController implements Controller {

  private static final Logger LOG = System.getLogger(NodeLifecycleController.class.getName());

  /** Where kubelets keep their heartbeat Leases, one named after each node. */
  public static final String NODE_LEASE_NAMESPACE = "kube-node-lease";
  /** Upstream's {@code --node-monitor-grace-period} default. */
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(40);
  /** Upstream's {@code --node-monitor-period} default. */
  public static final Duration DEFAULT_MONITOR_PERIOD = Duration.ofSeconds(5);

  /** Writes node status and taints, pod status, and deletes evicted pods. */
  private final KubeClient client;
  private final SharedIndexInformer<Node> nodes;
  private final SharedIndexInformer<Lease> leases;
  private final SharedIndexInformer<Pod> pods;
  private final Clock clock;
  /** How long a node may stay silent before it is Unknown. */
  private final Duration gracePeriod;
  /** How often every node is checked. */
  private final Duration monitorPeriod;
  private final NodeHealth health = new NodeHealth();
  private final TaintEviction eviction;
  private final ControllerLoop loop;
  /** Runs the periodic pass once {@link #run} is called; guarded by {@code this}. */
  private ScheduledExecutorService ticker;

  public NodeLifecycleController(KubeClient client, SharedIndexInformer<Node> nodeInformer,
      SharedIndexInformer<Lease> leaseInformer, SharedIndexInformer<Pod> podInformer, Clock clock,
      Duration gracePeriod, Duration monitorPeriod) {
    this.client = client;
    this.nodes = nodeInformer;
    this.leases = leaseInformer;
    this.pods = podInformer;
    this.clock = clock;
    this.gracePeriod = gracePeriod;
    this.monitorPeriod = monitorPeriod;
    this.eviction = new TaintEviction(client, clock);
    this.loop = new ControllerLoop("nodelifecycle",
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock),
        this::sync, 15, List.of(nodeInformer, leaseInformer, podInformer));
    nodeInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Node node) {
        loop.enqueue(node.metadata().name());
      }

      @Override public void onUpdate(Node oldNode, Node newNode) {
        loop.enqueue(newNode.metadata().name());
      }

      @Override public void onDelete(Node node) {
        health.forget(node.metadata().name());
      }
    });
    leaseInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Lease lease) {
        enqueueNodeOf(lease);
      }

      @Override public void onUpdate(Lease oldLease, Lease newLease) {
        enqueueNodeOf(newLease);
      }
    });
    podInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod pod) {
        enqueueNodeOf(pod);
      }

      @Override public void onUpdate(Pod oldPod, Pod newPod) {
        enqueueNodeOf(newPod);
      }
    });
  }

  public static NodeLifecycleController create(ControllerContext ctx) {
    return new NodeLifecycleController(ctx.client(), ctx.informers().informerFor(Node.class),
        ctx.informers().informerFor(Lease.class), ctx.informers().informerFor(Pod.class),
        ctx.clock(), DEFAULT_GRACE_PERIOD, DEFAULT_MONITOR_PERIOD);
  }

  @Override
  public String name() {
    return "nodelifecycle";
  }

  @Override
  public synchronized void run(int workers) {
    loop.run(workers);
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "nodelifecycle-monitor");
      t.setDaemon(true);
      return t;
    });
    long periodMillis = monitorPeriod.toMillis();
    ticker.scheduleAtFixedRate(() -> nodes.indexer().listKeys().forEach(loop::enqueue),
        periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void shutdown() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    loop.shutdown();
  }

  /**
   * One monitoring pass over every cached node, synchronously (upstream's {@code
   * monitorNodeHealth}); tests call it after moving the clock. A node that fails does not stop
   * the pass; the first failure is rethrown at the end.
   */
  public void monitorNodeHealth() throws Exception {
    Exception first = null;
    for (Node node : nodes.indexer().list()) {
      try {
        sync(node.metadata().name());
      } catch (Exception e) {
        LOG.log(Level.WARNING, "node lifecycle: syncing {0} failed: {1}", node.metadata().name(),
            e.toString());
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Checks one node's health, its taints, its pods' readiness, and evicts what must go. */
  void sync(String nodeName) throws Exception {
    Optional<Node> cached = nodes.lister().get(null, nodeName);
    if (cached.isEmpty()) {
      health.forget(nodeName);
      return;
    }
    Node node = cached.get();
    Instant now = clock.instant();
    Lease lease = leases.lister().get(NODE_LEASE_NAMESPACE, nodeName).orElse(null);
    NodeStatus status = node.status() != null ? node.status()
        : new NodeStatus(null, null, null, null);
    List<Condition> conditions = status.conditions();
    if (health.isStale(node, lease, now, gracePeriod)) {
      List<Condition> unknown = NodeConditions.markUnknown(conditions, now);
      if (!unknown.equals(conditions)) {
        LOG.log(Level.INFO, "node {0}: no heartbeat for more than {1} s, marking it Unknown",
            nodeName, gracePeriod.toSeconds());
        node = client.resource(Node.class).updateStatus(node.withStatus(
            status.withConditions(unknown)));
      }
      conditions = unknown;
    }
    String ready = Condition.find(conditions, NodeConditions.READY)
        .map(Condition::status).orElse(null);

    NodeSpec spec = node.spec() != null ? node.spec() : new NodeSpec(null, null, null);
    List<Taint> taints = NodeTaints.forReadiness(spec.taints(), ready, now);
    if (!taints.equals(spec.taints())) {
      node = client.resource(Node.class).update(node.withSpec(spec.withTaints(taints)));
    }

    List<Pod> onNode = podsOn(nodeName);
    if (!Condition.TRUE.equals(ready)) {
      markPodsNotReady(onNode, now);
    }
    eviction.evict(node, onNode).ifPresent(
        due -> loop.enqueueAfter(nodeName, Duration.between(now, due)));
  }

  /**
   * Sets {@code Ready=False} on pods of an unready node (upstream's {@code MarkPodsNotReady},
   * pkg/controller/util/node/controller_utils.go): Services stop sending them traffic even
   * before they are evicted.
   */
  private void markPodsNotReady(List<Pod> onNode, Instant now) {
    for (Pod pod : onNode) {
      if (pod.status() == null) {
        continue;
      }
      List<Condition> conditions = new ArrayList<>();
      boolean changed = false;
      for (Condition c : pod.status().conditions()) {
        if (NodeConditions.READY.equals(c.type()) && !Condition.FALSE.equals(c.status())) {
          c = new Condition(c.type(), Condition.FALSE, c.observedGeneration(), c.lastProbeTime(),
              c.lastHeartbeatTime(), c.lastUpdateTime(), Timestamps.format(now), c.reason(),
              c.message(), c.unknownFields());
          changed = true;
        }
        conditions.add(c);
      }
      if (changed) {
        client.resource(Pod.class).updateStatus(
            pod.withStatus(pod.status().withConditions(conditions)));
      }
    }
  }

  /** Pods bound to the node (a scan: the course's caches are small). */
  private List<Pod> podsOn(String nodeName) {
    return pods.indexer().list().stream()
        .filter(p -> p.spec() != null && nodeName.equals(p.spec().nodeName()))
        .toList();
  }

  private void enqueueNodeOf(Lease lease) {
    if (NODE_LEASE_NAMESPACE.equals(lease.metadata().namespace())) {
      loop.enqueue(lease.metadata().name());
    }
  }

  private void enqueueNodeOf(Pod pod) {
    if (pod.spec() != null && pod.spec().nodeName() != null) {
      loop.enqueue(pod.spec().nodeName());
    }
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }
}
