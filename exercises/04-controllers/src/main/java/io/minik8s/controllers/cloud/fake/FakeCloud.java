package io.minik8s.controllers.cloud.fake;

import io.minik8s.controllers.cloud.CloudException;
import io.minik8s.controllers.cloud.CloudProvider;
import io.minik8s.controllers.cloud.Instances;
import io.minik8s.controllers.cloud.LoadBalancers;
import io.minik8s.controllers.cloud.Route;
import io.minik8s.controllers.cloud.Routes;
import io.minik8s.objects.api.core.LoadBalancerStatus;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.NodeAddress;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServicePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-memory cloud for tests, demos and the scenario suite (upstream's
 * k8s.io/cloud-provider/fake). Thread-safe. Besides serving the three interfaces it can be told
 * to fail the next N calls of an {@link Operation} and to be slow (each call of an operation
 * first waits through an injected {@link Sleeper}, so tests never sleep for real), and it records
 * every call.
 *
 * <p>Load balancers get addresses from the documentation range {@code 203.0.113.0/24}, lowest
 * free first (a deleted balancer's address is reused), so a test knows the first is
 * {@code 203.0.113.1}. Instances are keyed by a node's {@code spec.providerID} when set, else by
 * its name; {@link #providerId(String)} builds the IDs this cloud hands out.
 */
public final class FakeCloud implements CloudProvider, LoadBalancers, Instances, Routes {

  /** The calls a test can slow down, fail and count. */
  public enum Operation {
    GET_LOAD_BALANCER, ENSURE_LOAD_BALANCER, UPDATE_LOAD_BALANCER_HOSTS, DELETE_LOAD_BALANCER,
    INSTANCE_EXISTS, INSTANCE_SHUTDOWN, LIST_ROUTES, CREATE_ROUTE, DELETE_ROUTE
  }

  /** One recorded call: the operation and what it was about (a Service key, node, route). */
  public record Call(Operation operation, String target) {}

  /** What a fake load balancer forwards: node addresses and node ports. */
  public record FakeLoadBalancer(String ip, List<String> hosts, List<Integer> ports) {}

  /** How a slow call waits; tests pass one that records or advances a ManualClock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public static final String PROVIDER_NAME = "fake";
  private static final String IP_PREFIX = "203.0.113.";

  private final Sleeper sleeper;

  /* Everything below is guarded by `this`. Sleeps happen outside the lock. */
  private final Map<Operation, Integer> failuresLeft = new EnumMap<>(Operation.class);
  private final Map<Operation, Duration> delays = new EnumMap<>(Operation.class);
  private final List<Call> calls = new ArrayList<>();
  /** Service key (namespace/name) -> its balancer. */
  private final Map<String, FakeLoadBalancer> balancers = new LinkedHashMap<>();
  /** Host numbers (the last octet) in use. */
  private final TreeSet<Integer> usedIps = new TreeSet<>();
  /** Instance id (provider ID or node name) -> shut down? */
  private final Map<String, Boolean> instances = new HashMap<>();
  /** Whether a machine nobody added exists (running): the CLI's cloud, where kubelets register. */
  private boolean unknownInstancesExist;
  /** Machines removed, remembered for {@link #setUnknownInstancesExist}. */
  private final Set<String> removed = new HashSet<>();
  /** Route name -> route. */
  private final Map<String, Route> routes = new LinkedHashMap<>();

  /** A cloud whose slow calls really sleep (for running the managers by hand). */
  public FakeCloud() {
    this(duration -> Thread.sleep(duration.toMillis()));
  }

  public FakeCloud(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** The provider ID this cloud gives the machine of node {@code nodeName}. */
  public static String providerId(String nodeName) {
    return PROVIDER_NAME + "://" + nodeName;
  }

  // --- test controls ---

  /** The next {@code count} calls of {@code operation} throw a {@link CloudException}. */
  public synchronized void failNext(Operation operation, int count) {
    failuresLeft.put(operation, count);
  }

  /** Every later call of {@code operation} first waits {@code delay} through the sleeper. */
  public synchronized void setDelay(Operation operation, Duration delay) {
    delays.put(operation, delay);
  }

  /** Every call so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one operation so far, in order. */
  public synchronized List<Call> calls(Operation operation) {
    return calls.stream().filter(c -> c.operation() == operation).toList();
  }

  public synchronized void clearCalls() {
    calls.clear();
  }

  /** Adds a running machine, by provider ID or node name. */
  public synchronized void addInstance(String id) {
    instances.put(id, false);
    removed.remove(id);
  }

  /**
   * When true, a machine never added nor removed counts as existing and running, so every node
   * a kubelet registers has one; {@link #removeInstance} still terminates it. Default false.
   */
  public synchronized void setUnknownInstancesExist(boolean exist) {
    unknownInstancesExist = exist;
  }

  /** Terminates a machine: it no longer exists. */
  public synchronized void removeInstance(String id) {
    instances.remove(id);
    removed.add(id);
  }

  /** Powers a machine off (it still exists). */
  public synchronized void shutdownInstance(String id) {
    if (!instances.containsKey(id)) {
      throw new IllegalArgumentException("no instance " + id + " in the fake cloud");
    }
    instances.put(id, true);
  }

  /** The balancer of a Service key ({@code namespace/name}), if any. */
  public synchronized Optional<FakeLoadBalancer> loadBalancer(String serviceKey) {
    return Optional.ofNullable(balancers.get(serviceKey));
  }

  /** Every balancer by Service key. */
  public synchronized Map<String, FakeLoadBalancer> allLoadBalancers() {
    return Map.copyOf(balancers);
  }

  /** Every route, in creation order. */
  public synchronized List<Route> routesSnapshot() {
    return List.copyOf(routes.values());
  }

  /** Puts a route in place, as if an earlier manager had created it. */
  public synchronized void addRoute(Route route) {
    String name = route.name() != null ? route.name() : "route-" + route.targetNode();
    routes.put(name, new Route(name, route.targetNode(), route.destinationCidr()));
  }

  // --- CloudProvider ---

  @Override
  public String providerName() {
    return PROVIDER_NAME;
  }

  @Override
  public LoadBalancers loadBalancers() {
    return this;
  }

  @Override
  public Instances instances() {
    return this;
  }

  @Override
  public Routes routes() {
    return this;
  }

  // --- LoadBalancers ---

  @Override
  public Optional<LoadBalancerStatus> get(String clusterName, Service service) {
    String key = key(service);
    call(Operation.GET_LOAD_BALANCER, key);
    synchronized (this) {
      return Optional.ofNullable(balancers.get(key)).map(FakeCloud::statusOf);
    }
  }

  @Override
  public LoadBalancerStatus ensure(String clusterName, Service service, List<Node> nodes) {
    String key = key(service);
    call(Operation.ENSURE_LOAD_BALANCER, key);
    synchronized (this) {
      FakeLoadBalancer existing = balancers.get(key);
      String ip = existing != null ? existing.ip() : allocateIp();
      FakeLoadBalancer balancer = new FakeLoadBalancer(ip, hosts(nodes), nodePorts(service));
      balancers.put(key, balancer);
      return statusOf(balancer);
    }
  }

  @Override
  public void updateHosts(String clusterName, Service service, List<Node> nodes) {
    String key = key(service);
    call(Operation.UPDATE_LOAD_BALANCER_HOSTS, key);
    synchronized (this) {
      FakeLoadBalancer existing = balancers.get(key);
      if (existing == null) {
        throw new CloudException("fake cloud: no load balancer for service " + key);
      }
      balancers.put(key, new FakeLoadBalancer(existing.ip(), hosts(nodes), existing.ports()));
    }
  }

  @Override
  public void ensureDeleted(String clusterName, Service service) {
    String key = key(service);
    call(Operation.DELETE_LOAD_BALANCER, key);
    synchronized (this) {
      FakeLoadBalancer removed = balancers.remove(key);
      if (removed != null) {
        usedIps.remove(Integer.parseInt(removed.ip().substring(IP_PREFIX.length())));
      }
    }
  }

  // --- Instances ---

  @Override
  public boolean instanceExists(Node node) {
    String id = instanceId(node);
    call(Operation.INSTANCE_EXISTS, id);
    synchronized (this) {
      return instances.containsKey(id) || (unknownInstancesExist && !removed.contains(id));
    }
  }

  @Override
  public boolean instanceShutdown(Node node) {
    String id = instanceId(node);
    call(Operation.INSTANCE_SHUTDOWN, id);
    synchronized (this) {
      return Boolean.TRUE.equals(instances.get(id));
    }
  }

  // --- Routes ---

  @Override
  public List<Route> list(String clusterName) {
    call(Operation.LIST_ROUTES, clusterName);
    return routesSnapshot();
  }

  @Override
  public void create(String clusterName, String nameHint, Route route) {
    call(Operation.CREATE_ROUTE, route.targetNode() + " " + route.destinationCidr());
    synchronized (this) {
      String name = clusterName + "-" + (nameHint == null ? route.targetNode() : nameHint);
      routes.put(name, new Route(name, route.targetNode(), route.destinationCidr()));
    }
  }

  @Override
  public void delete(String clusterName, Route route) {
    call(Operation.DELETE_ROUTE, route.targetNode() + " " + route.destinationCidr());
    synchronized (this) {
      routes.values().removeIf(r -> r.targetNode().equals(route.targetNode())
          && r.destinationCidr().equals(route.destinationCidr()));
    }
  }

  // --- helpers ---

  /** Records the call, waits its delay (outside the lock), then fails it if asked to. */
  private void call(Operation operation, String target) {
    Duration delay;
    synchronized (this) {
      calls.add(new Call(operation, target));
      delay = delays.getOrDefault(operation, Duration.ZERO);
    }
    if (!delay.isZero()) {
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CloudException("fake cloud: interrupted during " + operation);
      }
    }
    synchronized (this) {
      int left = failuresLeft.getOrDefault(operation, 0);
      if (left > 0) {
        failuresLeft.put(operation, left - 1);
        throw new CloudException("fake cloud: injected failure of " + operation + " for " + target);
      }
    }
  }

  private String allocateIp() {
    for (int host = 1; host <= 254; host++) {
      if (usedIps.add(host)) {
        return IP_PREFIX + host;
      }
    }
    throw new CloudException("fake cloud: no free address left in " + IP_PREFIX + "0/24");
  }

  private static LoadBalancerStatus statusOf(FakeLoadBalancer balancer) {
    return new LoadBalancerStatus(List.of(new LoadBalancerStatus.Ingress(balancer.ip(), null)));
  }

  private static String key(Service service) {
    return service.metadata().namespace() + "/" + service.metadata().name();
  }

  private static String instanceId(Node node) {
    String providerId = node.spec() == null ? null : node.spec().providerID();
    return providerId == null || providerId.isEmpty() ? node.metadata().name() : providerId;
  }

  /** A node's InternalIP (else its first address, else its name): where the balancer sends. */
  private static List<String> hosts(List<Node> nodes) {
    List<String> hosts = new ArrayList<>();
    for (Node node : nodes) {
      List<NodeAddress> addresses =
          node.status() == null ? List.of() : node.status().addresses();
      String host = addresses.stream().filter(a -> "InternalIP".equals(a.type()))
          .map(NodeAddress::address).findFirst()
          .orElse(addresses.isEmpty() ? node.metadata().name() : addresses.get(0).address());
      hosts.add(host);
    }
    return List.copyOf(hosts);
  }

  private static List<Integer> nodePorts(Service service) {
    List<Integer> ports = new ArrayList<>();
    for (ServicePort port : service.spec().ports()) {
      ports.add(port.nodePort() != null ? port.nodePort() : port.port());
    }
    return List.copyOf(ports);
  }
}
