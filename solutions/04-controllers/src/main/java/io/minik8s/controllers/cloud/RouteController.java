package io.minik8s.controllers.cloud;

import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.NodeStatus;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the cloud network route each node's pod CIDR to that node, and removes routes whose node
 * is gone (upstream's route controller,
 * k8s.io/cloud-provider/controllers/route/route_controller.go). Once a node's routes exist its
 * condition {@code NetworkUnavailable} becomes False (reason {@code RouteCreated}); if one could
 * not be created it becomes True ({@code NoRouteCreated}), which keeps pods off the node.
 *
 * <p>Upstream reconciles every {@code --route-reconciliation-period} (10 s) and notes in a TODO
 * that a new node waits up to a period for its route; here node changes also queue the single
 * key {@value #ROUTES_KEY}, and the periodic pass remains as a safety net.
 */
public final class RouteController implements Controller {

  private static final Logger LOG = System.getLogger(RouteController.class.getName());

  static final String ROUTES_KEY = "#routes";
  public static final String NETWORK_UNAVAILABLE = "NetworkUnavailable";

  /** Writes the NetworkUnavailable condition. */
  private final KubeClient client;
  private final SharedIndexInformer<Node> nodes;
  private final CloudProvider cloud;
  private final String clusterName;
  private final Duration syncPeriod;
  private final Clock clock;
  private final ControllerLoop loop;

  public RouteController(
      KubeClient client,
      SharedIndexInformer<Node> nodes,
      CloudProvider cloud,
      String clusterName,
      Duration syncPeriod,
      Clock clock) {
    this.client = client;
    this.nodes = nodes;
    this.cloud = cloud;
    this.clusterName = clusterName;
    this.syncPeriod = syncPeriod;
    this.clock = clock;
    this.loop = new ControllerLoop("route",
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock), this::sync, 15,
        List.of(nodes));
    nodes.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        loop.enqueue(ROUTES_KEY);
      }

      @Override
      public void onUpdate(Node oldNode, Node newNode) {
        if (!podCidrs(oldNode).equals(podCidrs(newNode))) {
          loop.enqueue(ROUTES_KEY);
        }
      }

      @Override
      public void onDelete(Node node) {
        loop.enqueue(ROUTES_KEY);
      }
    });
  }

  public static RouteController create(
      ControllerContext ctx, CloudProvider cloud, String clusterName) {
    return new RouteController(ctx.client(), ctx.informers().informerFor(Node.class), cloud,
        clusterName, Duration.ofSeconds(10), ctx.clock());
  }

  @Override
  public String name() {
    return "route";
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  @Override
  public void run(int workers) {
    loop.enqueue(ROUTES_KEY);
    loop.run(1); // one reconciliation at a time: they all look at every route
  }

  private void sync(String key) {
    try {
      reconcile();
    } finally {
      loop.enqueueAfter(ROUTES_KEY, syncPeriod);
    }
  }

  /**
   * One pass: list the cloud's routes, plan, delete, create, then write every node's
   * NetworkUnavailable condition. A failed creation is reported on its node's condition and
   * rethrown at the end, so the pass is retried with backoff.
   */
  public void reconcile() {
    List<Node> all = new ArrayList<>(nodes.indexer().list());
    all.sort(Comparator.comparing(n -> n.metadata().name()));
    RoutePlan plan = plan(all, cloud.routes().list(clusterName));
    for (Route route : plan.toDelete()) {
      LOG.log(Level.INFO, "route: deleting {0} -> {1}", route.destinationCidr(), route.targetNode());
      cloud.routes().delete(clusterName, route);
    }
    Set<String> failedNodes = new HashSet<>();
    RuntimeException first = null;
    Map<String, String> uids = new HashMap<>();
    all.forEach(n -> uids.put(n.metadata().name(), n.metadata().uid()));
    for (Route route : plan.toCreate()) {
      try {
        cloud.routes().create(clusterName, uids.get(route.targetNode()), route);
      } catch (RuntimeException e) {
        failedNodes.add(route.targetNode());
        first = first == null ? e : first;
      }
    }
    for (Node node : all) {
      if (!podCidrs(node).isEmpty()) {
        setNetworkUnavailable(node, failedNodes.contains(node.metadata().name()));
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * The routes to create and delete so that every pod CIDR of every node routes to that node,
   * and nothing else does. Nodes without a pod CIDR yet are skipped.
   */
  public static RoutePlan plan(List<Node> nodes, List<Route> routes) {
    // BEGIN EXERCISE 4.6 — routes to create and delete
    Map<String, List<String>> wanted = new HashMap<>(); // node name -> its pod CIDRs
    for (Node node : nodes) {
      wanted.put(node.metadata().name(), podCidrs(node));
    }
    List<Route> toDelete = new ArrayList<>();
    Set<String> existing = new HashSet<>(); // "node cidr" of the routes that stay
    for (Route route : routes) {
      List<String> cidrs = wanted.get(route.targetNode());
      if (cidrs == null || !cidrs.contains(route.destinationCidr())) {
        toDelete.add(route); // node gone, or the CIDR is no longer the node's
      } else {
        existing.add(route.targetNode() + " " + route.destinationCidr());
      }
    }
    List<Route> toCreate = new ArrayList<>();
    for (Node node : nodes) {
      for (String cidr : podCidrs(node)) {
        if (!existing.contains(node.metadata().name() + " " + cidr)) {
          toCreate.add(Route.to(node.metadata().name(), cidr));
        }
      }
    }
    return new RoutePlan(toCreate, toDelete);
    // END EXERCISE 4.6
  }

  /** {@code spec.podCIDRs}, or the single {@code spec.podCIDR}; empty before one is assigned. */
  static List<String> podCidrs(Node node) {
    if (node.spec() == null) {
      return List.of();
    }
    if (!node.spec().podCIDRs().isEmpty()) {
      return node.spec().podCIDRs();
    }
    String cidr = node.spec().podCIDR();
    return cidr == null || cidr.isEmpty() ? List.of() : List.of(cidr);
  }

  /** Writes NetworkUnavailable unless it already has the wanted status (no needless writes). */
  private void setNetworkUnavailable(Node node, boolean unavailable) {
    NodeStatus status = node.status() == null
        ? new NodeStatus(null, null, List.of(), List.of()) : node.status();
    String wanted = unavailable ? Condition.TRUE : Condition.FALSE;
    Condition current = Condition.find(status.conditions(), NETWORK_UNAVAILABLE).orElse(null);
    if (current != null && Objects.equals(current.status(), wanted)) {
      return;
    }
    Condition next = unavailable
        ? Condition.of(NETWORK_UNAVAILABLE, Condition.TRUE, "NoRouteCreated",
            "RouteController failed to create a route", Timestamps.format(clock.instant()))
        : Condition.of(NETWORK_UNAVAILABLE, Condition.FALSE, "RouteCreated",
            "RouteController created a route", Timestamps.format(clock.instant()));
    List<Condition> conditions = new ArrayList<>(status.conditions());
    conditions.removeIf(c -> NETWORK_UNAVAILABLE.equals(c.type()));
    conditions.add(next);
    client.resource(Node.class).updateStatus(node.withStatus(status.withConditions(conditions)));
  }
}
