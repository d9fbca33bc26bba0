package io.minik8s.controllers.cloud;

import static io.minik8s.controllers.cloud.CloudObjects.deleting;
import static io.minik8s.controllers.cloud.CloudObjects.node;
import static io.minik8s.controllers.cloud.CloudObjects.service;
import static io.minik8s.controllers.cloud.CloudObjects.withFinalizers;
import static io.minik8s.controllers.cloud.CloudObjects.withIngress;
import static io.minik8s.controllers.cloud.CloudObjects.withLabel;
import static io.minik8s.controllers.cloud.ServiceLoadBalancerController.FINALIZER;
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
import io.minik8s.objects.api.core.LoadBalancerStatus;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service (load balancer) controller, one sync at a time: caches filled by hand, a fake API
 * and a fake cloud recording what the controller did. No threads, no sleeps.
 */
class ServiceLoadBalancerControllerTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeKubeClient client = new FakeKubeClient(clock, 42);
  private final FakeCloud cloud = new FakeCloud(d -> {
    throw new AssertionError("no cloud call should be slow in this test");
  });
  private SharedIndexInformer<Service> services;
  private SharedIndexInformer<Node> nodes;
  private ServiceLoadBalancerController controller;

  @BeforeEach
  void setUp() {
    DefaultSharedInformerFactory factory =
        new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
    services = factory.informerFor(Service.class);
    nodes = factory.informerFor(Node.class);
    controller =
        new ServiceLoadBalancerController(client, services, nodes, cloud, "kubernetes", clock);
  }

  /**
   * Stores the Service in the fake API and puts the stored copy in the cache. A Service with a
   * deletionTimestamp is stored without it, then deleted: its finalizers keep it, marked.
   */
  private void given(Service service) {
    String name = service.metadata().name();
    boolean deleting = service.metadata().deletionTimestamp() != null;
    client.addObjects(service.withMetadata(service.metadata().withDeletionTimestamp(null)));
    if (deleting) {
      client.resource(Service.class).delete("default", name, DeleteOptions.DEFAULT);
    }
    Service stored = client.resource(Service.class).get("default", name);
    services.indexer().add(stored);
    client.clearActions();
  }

  private void givenNodes(Node... list) {
    for (Node n : list) {
      nodes.indexer().add(n);
    }
  }

  private List<LoadBalancerStatus.Ingress> ingressInApi(String name) {
    Service stored = client.resource(Service.class).get("default", name);
    return ServiceLoadBalancerController.ingressOf(stored);
  }

  @Test
  @Graded(exercise = "4.6", points = 2)
  void loadBalancerServiceGetsFinalizerThenBalancerThenExternalIp() {
    givenNodes(node("n1", "True"), node("n2", "True"));
    given(service("web", ServiceSpec.LOAD_BALANCER));
    AtomicInteger cloudCallsAtFinalizerWrite = new AtomicInteger(-1);
    client.prependReactor("update", "services",
        a -> cloudCallsAtFinalizerWrite.set(cloud.calls(Operation.ENSURE_LOAD_BALANCER).size()));

    controller.syncService("default/web");

    List<Action> updates = client.actions("update", "services");
    assertThat(updates).as("writes of the Service itself (the finalizer)").hasSize(1);
    assertThat(updates.get(0).object().metadata().finalizers())
        .as("finalizers written before creating the balancer").contains(FINALIZER);
    assertThat(cloudCallsAtFinalizerWrite.get())
        .as("balancers ensured before the finalizer was written (it must come first, or a "
            + "Service deleted meanwhile would leak its balancer)").isZero();
    assertThat(cloud.calls(Operation.ENSURE_LOAD_BALANCER)).as("ensure calls").hasSize(1);
    assertThat(cloud.loadBalancer("default/web")).as("the balancer in the cloud").isPresent();
    assertThat(cloud.loadBalancer("default/web").get().ports()).as("balancer ports (node ports)")
        .containsExactly(30080);
    assertThat(client.actions("update", "services/status")).as("status writes").hasSize(1);
    assertThat(ingressInApi("web")).as("status.loadBalancer.ingress in the API")
        .extracting(LoadBalancerStatus.Ingress::ip).containsExactly("203.0.113.1");
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void clusterIpServiceIsNotTheCloudsBusiness() {
    givenNodes(node("n1", "True"));
    given(service("internal", ServiceSpec.CLUSTER_IP));

    controller.syncService("default/internal");

    assertThat(cloud.calls()).as("cloud calls for a ClusterIP Service").isEmpty();
    assertThat(client.actions()).as("API writes for a ClusterIP Service").isEmpty();
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void secondSyncWritesNothingNew() {
    givenNodes(node("n1", "True"));
    given(withIngress(withFinalizers(service("web", ServiceSpec.LOAD_BALANCER), FINALIZER),
        "203.0.113.1"));

    controller.syncService("default/web");

    assertThat(client.actions("update", "*"))
        .as("writes when finalizer and status are already right (sync must be idempotent)")
        .isEmpty();
    assertThat(cloud.calls(Operation.ENSURE_LOAD_BALANCER))
        .as("ensure is still called: the balancer may have drifted").hasSize(1);
  }

  @Test
  @Graded(exercise = "4.6", points = 2)
  void deletedServiceLosesBalancerThenFinalizer() {
    givenNodes(node("n1", "True"));
    cloud.ensure("kubernetes", service("web", ServiceSpec.LOAD_BALANCER), List.of());
    given(deleting(withIngress(withFinalizers(service("web", ServiceSpec.LOAD_BALANCER),
        FINALIZER, "example.com/other"), "203.0.113.1")));
    cloud.clearCalls();

    controller.syncService("default/web");

    assertThat(cloud.calls(Operation.DELETE_LOAD_BALANCER)).as("delete calls").hasSize(1);
    assertThat(cloud.loadBalancer("default/web")).as("balancer left in the cloud").isEmpty();
    List<Action> updates = client.actions("update", "services");
    assertThat(updates).as("Service writes (finalizer removal)").hasSize(1);
    assertThat(updates.get(0).object().metadata().finalizers())
        .as("finalizers after removal: only ours goes").containsExactly("example.com/other");
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void typeChangedAwayFromLoadBalancerClearsStatusAndFinalizer() {
    givenNodes(node("n1", "True"));
    cloud.ensure("kubernetes", service("web", ServiceSpec.LOAD_BALANCER), List.of());
    given(withIngress(withFinalizers(service("web", ServiceSpec.NODE_PORT), FINALIZER),
        "203.0.113.1"));
    cloud.clearCalls();

    controller.syncService("default/web");

    assertThat(cloud.loadBalancer("default/web")).as("balancer left in the cloud").isEmpty();
    Service stored = client.resource(Service.class).get("default", "web");
    assertThat(ServiceLoadBalancerController.ingressOf(stored))
        .as("status.loadBalancer.ingress after the type changed to NodePort").isEmpty();
    assertThat(stored.metadata().finalizers()).as("finalizers after cleanup")
        .doesNotContain(FINALIZER);
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void cloudFailureIsAnErrorSoTheKeyIsRetried() {
    givenNodes(node("n1", "True"));
    given(service("web", ServiceSpec.LOAD_BALANCER));
    cloud.failNext(Operation.ENSURE_LOAD_BALANCER, 1);

    assertThatThrownBy(() -> controller.syncService("default/web"))
        .as("sync when the cloud fails").isInstanceOf(CloudException.class);
    assertThat(client.actions("update", "services/status"))
        .as("status writes after a failed ensure").isEmpty();

    services.indexer().update(client.resource(Service.class).get("default", "web"));
    controller.syncService("default/web");
    assertThat(ingressInApi("web")).as("ingress after the retry succeeded")
        .extracting(LoadBalancerStatus.Ingress::ip).containsExactly("203.0.113.1");
  }

  static Stream<Arguments> nodeCases() {
    return Stream.of(
        Arguments.of("Ready", node("a", "True"), true),
        Arguments.of("NotReady", node("a", "False"), false),
        Arguments.of("Ready Unknown", node("a", "Unknown"), false),
        Arguments.of("no Ready condition yet", node("a", null), false),
        Arguments.of("excluded by label",
            withLabel(node("a", "True"), ServiceLoadBalancerController.EXCLUDE_LABEL), false),
        Arguments.of("being deleted", node("a", "True").withMetadata(
            node("a", "True").metadata().withDeletionTimestamp(CloudObjects.T0)), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodeCases")
  @Graded(exercise = "4.6", points = 1)
  void whichNodesReceiveTraffic(String name, Node node, boolean eligible) {
    nodes.indexer().add(node);

    List<Node> chosen = controller.nodesForLoadBalancers();

    assertThat(chosen).as("%s node among the balancer's hosts", name)
        .hasSize(eligible ? 1 : 0);
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void hostsAreSortedByName() {
    givenNodes(node("c", "True"), node("a", "True"), node("b", "False"));

    assertThat(controller.nodesForLoadBalancers()).extracting(n -> n.metadata().name())
        .as("eligible nodes, by name").containsExactly("a", "c");
  }
}
