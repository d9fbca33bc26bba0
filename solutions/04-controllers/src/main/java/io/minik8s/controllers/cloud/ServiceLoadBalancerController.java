package io.minik8s.controllers.cloud;

import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.objects.api.core.LoadBalancerStatus;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.api.core.ServiceStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Gives every {@code type: LoadBalancer} Service an external load balancer from the cloud and
 * writes its address to {@code status.loadBalancer.ingress}; deletes the balancer when the Service
 * is deleted or stops being a LoadBalancer (upstream's service controller,
 * k8s.io/cloud-provider/controllers/service/controller.go).
 *
 * <p>The finalizer {@value #FINALIZER} is added <em>before</em> the balancer is created: without
 * it, a Service deleted while the manager is down would vanish from the API and its balancer
 * would leak in the cloud, since nothing would remember it. With it, the deletion only sets
 * {@code deletionTimestamp}; the next sync deletes the balancer and then removes the finalizer,
 * which lets the API server delete the object.
 *
 * <p>Two kinds of keys share the queue: Service keys ({@code namespace/name}), and
 * {@value #NODES_KEY}, queued on every node change, which updates the hosts of every balancer
 * when the set of eligible nodes changed (upstream's {@code nodeSyncLoop}).
 */
public final class ServiceLoadBalancerController implements Controller {

  public static final String FINALIZER = "service.kubernetes.io/load-balancer-cleanup";
  /** Nodes with this label never receive load-balancer traffic (upstream's label). */
  public static final String EXCLUDE_LABEL =
      "node.kubernetes.io/exclude-from-external-load-balancers";
  /** The queue key of a node-set check; no Service key has a '#'. */
  static final String NODES_KEY = "#nodes";

  /** Writes the finalizer and the status. */
  private final KubeClient client;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Node> nodes;
  private final CloudProvider cloud;
  /** Upstream names cloud resources per cluster ({@code --cluster-name}, default kubernetes). */
  private final String clusterName;
  private final ControllerLoop loop;
  /** The node names every balancer was last given; null before the first node sync. */
  private List<String> lastHosts;

  public ServiceLoadBalancerController(
      KubeClient client,
      SharedIndexInformer<Service> services,
      SharedIndexInformer<Node> nodes,
      CloudProvider cloud,
      String clusterName,
      Clock clock) {
    this.client = client;
    this.services = services;
    this.nodes = nodes;
    this.cloud = cloud;
    this.clusterName = clusterName;
    this.loop = new ControllerLoop("service",
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock), this::sync, 15,
        List.of(services, nodes));
    services.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Service service) {
        enqueueIfRelevant(service);
      }

      @Override
      public void onUpdate(Service oldService, Service newService) {
        enqueueIfRelevant(oldService);
        enqueueIfRelevant(newService);
      }

      @Override
      public void onDelete(Service service) {
        enqueueIfRelevant(service);
      }
    });
    nodes.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        loop.enqueue(NODES_KEY);
      }

      @Override
      public void onUpdate(Node oldNode, Node newNode) {
        loop.enqueue(NODES_KEY);
      }

      @Override
      public void onDelete(Node node) {
        loop.enqueue(NODES_KEY);
      }
    });
  }

  /** The factory the cloud controller manager's table uses. */
  public static ServiceLoadBalancerController create(
      ControllerContext ctx, CloudProvider cloud, String clusterName) {
    return new ServiceLoadBalancerController(ctx.client(),
        ctx.informers().informerFor(Service.class), ctx.informers().informerFor(Node.class),
        cloud, clusterName, ctx.clock());
  }

  @Override
  public String name() {
    return "service";
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  /** Only LoadBalancer Services, and those we hold a finalizer on, concern this controller. */
  private void enqueueIfRelevant(Service service) {
    if (wantsLoadBalancer(service) || hasFinalizer(service)) {
      loop.enqueue(service);
    }
  }

  /** One queue key: the node set, or one Service. */
  void sync(String key) {
    if (NODES_KEY.equals(key)) {
      syncNodes();
    } else {
      syncService(key);
    }
  }

  /**
   * Level-based: from the cached Service alone, decide whether its balancer must exist (add the
   * finalizer, ensure the balancer on the eligible nodes, write the address) or must go (delete
   * the balancer, clear the status, remove the finalizer). A cloud failure propagates: the loop
   * retries the key with backoff.
   */
  void syncService(String key) {
    // BEGIN EXERCISE 4.6 — reconcile a Service's load balancer
    Service service = services.indexer().getByKey(key).orElse(null);
    if (service == null) {
      return; // gone from the API: our finalizer was removed, so the balancer was deleted
    }
    boolean deleting = service.metadata().deletionTimestamp() != null;
    if (deleting || !wantsLoadBalancer(service)) {
      if (!hasFinalizer(service) && ingressOf(service).isEmpty()) {
        return; // never had a balancer from us
      }
      cloud.loadBalancers().ensureDeleted(clusterName, service);
      if (!deleting && !ingressOf(service).isEmpty()) {
        service = writeStatus(service, new LoadBalancerStatus(List.of()));
      }
      if (hasFinalizer(service)) {
        removeFinalizer(service);
      }
      return;
    }
    if (!hasFinalizer(service)) {
      service = addFinalizer(service); // before the balancer exists, so it can never leak
    }
    LoadBalancerStatus status =
        cloud.loadBalancers().ensure(clusterName, service, nodesForLoadBalancers());
    if (!status.ingress().equals(ingressOf(service))) {
      writeStatus(service, status);
    }
    // END EXERCISE 4.6
  }

  /**
   * The nodes a balancer sends traffic to, sorted by name: Ready, not being deleted, and not
   * labelled {@value #EXCLUDE_LABEL}.
   */
  List<Node> nodesForLoadBalancers() {
    // BEGIN EXERCISE 4.6 — pick the nodes a load balancer sends traffic to
    List<Node> eligible = new ArrayList<>();
    for (Node node : nodes.indexer().list()) {
      boolean ready = NodeReadiness.isReady(node);
      boolean excluded = node.metadata().labels().containsKey(EXCLUDE_LABEL);
      boolean deleting = node.metadata().deletionTimestamp() != null;
      if (ready && !excluded && !deleting) {
        eligible.add(node);
      }
    }
    eligible.sort(Comparator.comparing(n -> n.metadata().name()));
    return eligible;
    // END EXERCISE 4.6
  }

  /**
   * When the eligible node set changed since the last call, gives every existing balancer the
   * new hosts. A Service whose update fails is queued for a full sync (upstream's
   * {@code servicesToRetry}).
   */
  void syncNodes() {
    List<Node> eligible = nodesForLoadBalancers();
    List<String> hosts = eligible.stream().map(n -> n.metadata().name()).toList();
    synchronized (this) {
      if (hosts.equals(lastHosts)) {
        return;
      }
      lastHosts = hosts;
    }
    for (Service service : services.indexer().list()) {
      if (!wantsLoadBalancer(service) || !hasFinalizer(service)
          || service.metadata().deletionTimestamp() != null) {
        continue;
      }
      try {
        cloud.loadBalancers().updateHosts(clusterName, service, eligible);
      } catch (RuntimeException e) {
        loop.enqueue(service);
      }
    }
  }

  static boolean wantsLoadBalancer(Service service) {
    return service.spec() != null && ServiceSpec.LOAD_BALANCER.equals(service.spec().type());
  }

  static boolean hasFinalizer(Service service) {
    return service.metadata().finalizers().contains(FINALIZER);
  }

  static List<LoadBalancerStatus.Ingress> ingressOf(Service service) {
    if (service.status() == null || service.status().loadBalancer() == null) {
      return List.of();
    }
    return service.status().loadBalancer().ingress();
  }

  private Service addFinalizer(Service service) {
    List<String> finalizers = new ArrayList<>(service.metadata().finalizers());
    finalizers.add(FINALIZER);
    return client.resource(Service.class)
        .update(service.withMetadata(service.metadata().withFinalizers(finalizers)));
  }

  private void removeFinalizer(Service service) {
    List<String> finalizers = new ArrayList<>(service.metadata().finalizers());
    finalizers.remove(FINALIZER);
    try {
      client.resource(Service.class)
          .update(service.withMetadata(service.metadata().withFinalizers(finalizers)));
    } catch (NotFoundException e) {
      // deleted already: nothing left to clean up
    }
  }

  private Service writeStatus(Service service, LoadBalancerStatus status) {
    ServiceStatus current = service.status();
    ServiceStatus next = current == null
        ? new ServiceStatus(status)
        : new ServiceStatus(status, current.unknownFields());
    return Objects.requireNonNull(
        client.resource(Service.class).updateStatus(service.withStatus(next)),
        "updateStatus returned null for " + Keys.of(service));
  }
}
