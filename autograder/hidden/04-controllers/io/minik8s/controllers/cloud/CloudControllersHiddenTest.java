package io.minik8s.controllers.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.Action;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.controllers.cloud.fake.FakeCloud;
import io.minik8s.controllers.cloud.fake.FakeCloud.Operation;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.NodeAddress;
import io.minik8s.objects.api.core.NodeSpec;
import io.minik8s.objects.api.core.NodeStatus;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hidden cases for exercise 4.6: node sets, failures mid-way, provider IDs, dual stack. */
class CloudControllersHiddenTest {

  private static final String FINALIZER = ServiceLoadBalancerController.FINALIZER;
  private static final String T0 = "2026-01-01T00:00:00Z";

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeKubeClient client = new FakeKubeClient(clock, 7);
  private final FakeCloud cloud = new FakeCloud(d -> { });
  private SharedIndexInformer<Service> services;
  private SharedIndexInformer<Node> nodes;

  @BeforeEach
  void setUp() {
    DefaultSharedInformerFactory factory =
        new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
    services = factory.informerFor(Service.class);
    nodes = factory.informerFor(Node.class);
  }

  private static Service lbService(String name, String... finalizers) {
    ServicePort port = new ServicePort("http", 80, IntOrString.of(80)).withNodePort(31000);
    return new Service(ObjectMeta.named("prod", name).withFinalizers(List.of(finalizers)),
        new ServiceSpec(ServiceSpec.LOAD_BALANCER, Map.of("app", name), List.of(port)), null);
  }

  private static Node readyNode(String name, String ready) {
    return new Node(ObjectMeta.named(name),
        new NodeSpec(null, null, List.of()),
        new NodeStatus(Map.of(), Map.of(),
            List.of(Condition.of("Ready", ready, "r", "", T0)),
            List.of(new NodeAddress("InternalIP", "192.168.0." + (name.length() + 10)))));
  }

  private void givenService(Service service) {
    String name = service.metadata().name();
    boolean deleting = service.metadata().deletionTimestamp() != null;
    client.addObjects(service.withMetadata(service.metadata().withDeletionTimestamp(null)));
    if (deleting) {
      client.resource(Service.class).delete("prod", name, DeleteOptions.DEFAULT);
    }
    services.indexer().add(client.resource(Service.class).get("prod", name));
    client.clearActions();
  }

  private void givenNode(Node node) {
    client.addObjects(node);
    nodes.indexer().add(client.resource(Node.class).get(null, node.metadata().name()));
    client.clearActions();
  }

  private ServiceLoadBalancerController serviceController() {
    return new ServiceLoadBalancerController(client, services, nodes, cloud, "kubernetes", clock);
  }

  @Test
  @Graded(exercise = "4.6", points = 2,
      hint = "When the set of eligible nodes changes, every existing load balancer needs the "
          + "new hosts; when it has not changed, the cloud should not be called again.")
  void nodeSetChangeUpdatesHostsOnce() {
    givenNode(readyNode("n1", "True"));
    givenService(lbService("a", FINALIZER));
    givenService(lbService("b", FINALIZER));
    cloud.ensure("kubernetes", services.indexer().getByKey("prod/a").orElseThrow(), List.of());
    cloud.ensure("kubernetes", services.indexer().getByKey("prod/b").orElseThrow(), List.of());
    ServiceLoadBalancerController controller = serviceController();
    controller.syncNodes();
    cloud.clearCalls();

    nodes.indexer().add(readyNode("n22", "True"));
    controller.syncNodes();
    assertThat(cloud.calls(Operation.UPDATE_LOAD_BALANCER_HOSTS))
        .as("host updates after a second Ready node joined (2 balancers)").hasSize(2);
    assertThat(cloud.loadBalancer("prod/a").orElseThrow().hosts())
        .as("hosts of balancer prod/a").hasSize(2);

    cloud.clearCalls();
    nodes.indexer().add(readyNode("n333", "False"));
    controller.syncNodes();
    assertThat(cloud.calls(Operation.UPDATE_LOAD_BALANCER_HOSTS))
        .as("host updates after a NotReady node joined (eligible set unchanged)").isEmpty();
  }

  @Test
  @Graded(exercise = "4.6", points = 1,
      hint = "A key whose Service is no longer in the cache needs no work (the finalizer "
          + "guaranteed its cleanup ran).")
  void serviceGoneFromCacheIsANoOp() {
    serviceController().syncService("prod/ghost");

    assertThat(cloud.calls()).as("cloud calls for a Service not in the cache").isEmpty();
    assertThat(client.actions()).as("API calls for a Service not in the cache").isEmpty();
  }

  @Test
  @Graded(exercise = "4.6", points = 1,
      hint = "The finalizer must be in the API before the balancer is requested, even if the "
          + "request then fails.")
  void finalizerStaysWhenEnsureFails() {
    givenNode(readyNode("n1", "True"));
    givenService(lbService("web"));
    cloud.failNext(Operation.ENSURE_LOAD_BALANCER, 1);

    assertThatThrownBy(() -> serviceController().syncService("prod/web"))
        .isInstanceOf(CloudException.class);

    assertThat(client.resource(Service.class).get("prod", "web").metadata().finalizers())
        .as("finalizers in the API after a failed ensure").containsExactly(FINALIZER);
  }

  @Test
  @Graded(exercise = "4.6", points = 2,
      hint = "If deleting the balancer fails, the finalizer must stay, or the Service vanishes "
          + "and the balancer leaks; the error must reach the loop so it retries.")
  void finalizerStaysWhenDeletionFails() {
    Service service = lbService("web", FINALIZER);
    service = service.withMetadata(service.metadata().withDeletionTimestamp(T0));
    givenService(service);
    cloud.ensure("kubernetes", service, List.of());
    cloud.failNext(Operation.DELETE_LOAD_BALANCER, 1);

    assertThatThrownBy(() -> serviceController().syncService("prod/web"))
        .isInstanceOf(CloudException.class);

    assertThat(client.actions("update", "*")).as("API writes after a failed deletion")
        .isEmpty();
    assertThat(cloud.loadBalancer("prod/web")).as("balancer after a failed deletion")
        .isPresent();
  }

  @Test
  @Graded(exercise = "4.6", points = 1,
      hint = "A Service being deleted that never got a balancer from us (no finalizer, no "
          + "ingress) needs no cloud call.")
  void deletingServiceWithoutOurFinalizerNeedsNoCloud() {
    Service service = lbService("web", "example.com/keep");
    givenService(service.withMetadata(service.metadata().withDeletionTimestamp(T0)));

    serviceController().syncService("prod/web");

    assertThat(cloud.calls()).as("cloud calls").isEmpty();
    assertThat(client.actions("update", "*")).as("API writes").isEmpty();
  }

  @Test
  @Graded(exercise = "4.6", points = 1,
      hint = "Ask the cloud about the node's machine; the machine is identified by "
          + "spec.providerID when the node has one.")
  void instanceIsFoundByProviderId() {
    Node node = readyNode("worker", "False");
    node = node.withSpec(new NodeSpec(null, null, "fake://machine-7", null, List.of(), Map.of()));
    CloudNodeLifecycleController controller = new CloudNodeLifecycleController(client, nodes,
        cloud, Duration.ofSeconds(5), clock);
    cloud.addInstance("fake://machine-7");

    assertThat(controller.decide(node)).as("NotReady node whose machine (by provider ID) runs")
        .isEqualTo(CloudNodeLifecycleController.Action.KEEP);
    cloud.removeInstance("fake://machine-7");
    assertThat(controller.decide(node)).as("NotReady node whose machine was terminated")
        .isEqualTo(CloudNodeLifecycleController.Action.DELETE);
  }

  @Test
  @Graded(exercise = "4.6", points = 1,
      hint = "One failing cloud call must not stop the pass over the other nodes; report the "
          + "failure afterwards so the pass is retried.")
  void onePassSurvivesOneFailingNode() {
    givenNode(readyNode("a-flaky", "False"));
    givenNode(readyNode("b-gone", "False"));
    cloud.addInstance("a-flaky");
    cloud.failNext(Operation.INSTANCE_EXISTS, 1);
    CloudNodeLifecycleController controller = new CloudNodeLifecycleController(client, nodes,
        cloud, Duration.ofSeconds(5), clock);

    assertThatThrownBy(controller::monitorNodes).isInstanceOf(CloudException.class);

    assertThat(client.actions("delete", "nodes")).extracting(Action::name)
        .as("nodes deleted in a pass where the first node's cloud call failed")
        .containsExactly("b-gone");
  }

  @Test
  @Graded(exercise = "4.6", points = 1,
      hint = "A node may have several pod CIDRs (spec.podCIDRs, dual stack): one route each.")
  void dualStackNodeGetsOneRoutePerCidr() {
    Node node = readyNode("ds", "True").withSpec(new NodeSpec("10.244.3.0/24",
        List.of("10.244.3.0/24", "fd00:10:244:3::/64"), null, null, List.of(), Map.of()));

    RoutePlan plan = RouteController.plan(List.of(node),
        List.of(new Route("r1", "ds", "10.244.3.0/24")));

    assertThat(plan.toCreate()).as("routes to create for a dual-stack node with its IPv4 route")
        .containsExactly(Route.to("ds", "fd00:10:244:3::/64"));
    assertThat(plan.toDelete()).as("routes to delete").isEmpty();
  }

  @Test
  @Graded(exercise = "4.6", points = 1,
      hint = "Only write NetworkUnavailable when it changes; a pass over routed nodes whose "
          + "condition is already False writes nothing.")
  void networkConditionAlreadyFalseIsNotRewritten() {
    Node node = readyNode("a", "True");
    List<Condition> conditions = new ArrayList<>(node.status().conditions());
    conditions.add(Condition.of("NetworkUnavailable", "False", "RouteCreated", "", T0));
    node = node.withSpec(new NodeSpec("10.244.1.0/24", null, List.of()))
        .withStatus(node.status().withConditions(conditions));
    givenNode(node);
    cloud.addRoute(new Route("r-a", "a", "10.244.1.0/24"));
    RouteController controller = new RouteController(client, nodes, cloud, "kubernetes",
        Duration.ofSeconds(10), clock);

    controller.reconcile();

    assertThat(cloud.calls(Operation.CREATE_ROUTE)).as("routes created").isEmpty();
    assertThat(client.actions("update", "nodes/status")).as("node status writes").isEmpty();
  }
}
