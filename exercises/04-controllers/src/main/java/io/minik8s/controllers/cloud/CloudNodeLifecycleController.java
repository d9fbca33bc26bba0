package io.minik8s.controllers.cloud;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.NodeSpec;
import io.minik8s.objects.api.core.Taint;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deletes the Node objects of machines the cloud no longer has, and taints those of machines
 * that are powered off (upstream's cloud node lifecycle controller,
 * k8s.io/cloud-provider/controllers/nodelifecycle/node_lifecycle_controller.go).
 *
 * <p>It is periodic, not event-driven: every {@code monitorPeriod} it looks at every node. Only
 * nodes that are not Ready are asked about: a Ready node's kubelet is heartbeating, so its
 * machine plainly exists, and asking the cloud about every node every few seconds would burn the
 * cloud API's quota. The queue carries a single key, {@value #MONITOR_KEY}, re-added after each
 * pass, so the shared loop gives the pass its retries.
 */
public final class CloudNodeLifecycleController implements Controller {

  private static final Logger LOG = System.getLogger(CloudNodeLifecycleController.class.getName());

  /** Keeps new pods off a node whose machine is powered off (it may come back). */
  public static final Taint SHUTDOWN_TAINT =
      new Taint("node.cloudprovider.kubernetes.io/shutdown", null, "NoSchedule");
  static final String MONITOR_KEY = "#monitor";

  /** What one pass does to one node. */
  public enum Action { KEEP, DELETE, TAINT_SHUTDOWN, REMOVE_SHUTDOWN_TAINT }

  /** Deletes nodes and writes their taints. */
  private final KubeClient client;
  private final SharedIndexInformer<Node> nodes;
  private final CloudProvider cloud;
  /** Upstream's {@code --node-monitor-period}, 5 s. */
  private final Duration monitorPeriod;
  private final ControllerLoop loop;

  public CloudNodeLifecycleController(
      KubeClient client,
      SharedIndexInformer<Node> nodes,
      CloudProvider cloud,
      Duration monitorPeriod,
      Clock clock) {
    this.client = client;
    this.nodes = nodes;
    this.cloud = cloud;
    this.monitorPeriod = monitorPeriod;
    this.loop = new ControllerLoop("cloud-node-lifecycle",
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock), this::sync, 15,
        List.of(nodes));
  }

  public static CloudNodeLifecycleController create(ControllerContext ctx, CloudProvider cloud) {
    return new CloudNodeLifecycleController(ctx.client(), ctx.informers().informerFor(Node.class),
        cloud, Duration.ofSeconds(5), ctx.clock());
  }

  @Override
  public String name() {
    return "cloud-node-lifecycle";
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  @Override
  public void run(int workers) {
    loop.enqueue(MONITOR_KEY);
    loop.run(1); // one pass at a time: more workers would only contend on the single key
  }

  private void sync(String key) {
    try {
      monitorNodes();
    } finally {
      loop.enqueueAfter(MONITOR_KEY, monitorPeriod);
    }
  }

  /**
   * One pass over every cached node, in name order: decide, then act. A failure on one node does
   * not stop the pass; the first one is rethrown at the end so the pass is retried with backoff.
   */
  public void monitorNodes() {
    List<Node> all = new ArrayList<>(nodes.indexer().list());
    all.sort(Comparator.comparing(n -> n.metadata().name()));
    RuntimeException first = null;
    for (Node node : all) {
      try {
        act(node, decide(node));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cloud-node-lifecycle: node {0}: {1}", node.metadata().name(),
            e.toString());
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * What to do with one node. A Ready node keeps running (and loses a stale shutdown taint);
   * a node that is not Ready (False or Unknown, or no condition yet) is deleted if its machine
   * is gone, tainted if its machine is powered off, else left to the node lifecycle controller.
   */
  public Action decide(Node node) {
    // BEGIN EXERCISE 4.6 — which nodes to delete or taint
    throw new UnsupportedOperationException("TODO exercise 4.6: which nodes to delete or taint");
    // END EXERCISE 4.6
  }

  private void act(Node node, Action action) {
    String name = node.metadata().name();
    switch (action) {
      case KEEP -> { }
      case DELETE -> {
        LOG.log(Level.INFO, "cloud-node-lifecycle: deleting node {0}: its instance is gone", name);
        try {
          client.resource(Node.class).delete(null, name, DeleteOptions.DEFAULT);
        } catch (NotFoundException e) {
          // deleted already
        }
      }
      case TAINT_SHUTDOWN -> {
        List<Taint> taints = new ArrayList<>(taintsOf(node));
        taints.add(SHUTDOWN_TAINT);
        client.resource(Node.class).update(withTaints(node, taints));
      }
      case REMOVE_SHUTDOWN_TAINT -> {
        List<Taint> taints = new ArrayList<>(taintsOf(node));
        taints.removeIf(CloudNodeLifecycleController::isShutdownTaint);
        client.resource(Node.class).update(withTaints(node, taints));
      }
      default -> throw new IllegalStateException("unknown action " + action);
    }
  }

  private static Node withTaints(Node node, List<Taint> taints) {
    NodeSpec spec = node.spec() == null ? new NodeSpec(null, null, taints)
        : node.spec().withTaints(taints);
    return node.withSpec(spec);
  }

  static boolean hasShutdownTaint(Node node) {
    return taintsOf(node).stream().anyMatch(CloudNodeLifecycleController::isShutdownTaint);
  }

  private static boolean isShutdownTaint(Taint taint) {
    return SHUTDOWN_TAINT.key().equals(taint.key()) && SHUTDOWN_TAINT.effect().equals(taint.effect());
  }

  private static List<Taint> taintsOf(Node node) {
    return node.spec() == null ? List.of() : node.spec().taints();
  }
}
