package io.minik8s.controllers.cloud;

import static io.minik8s.controllers.cloud.CloudObjects.node;
import static io.minik8s.controllers.cloud.CloudObjects.withPodCidr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.cloud.fake.FakeCloud;
import io.minik8s.controllers.cloud.fake.FakeCloud.Operation;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.meta.Condition;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The route controller: the plan (a pure function), then a pass against the fake cloud. */
class RouteControllerTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeKubeClient client = new FakeKubeClient(clock, 42);
  private final FakeCloud cloud = new FakeCloud(d -> { });
  private SharedIndexInformer<Node> nodes;
  private RouteController controller;

  @BeforeEach
  void setUp() {
    nodes = new DefaultSharedInformerFactory(client, Duration.ZERO, clock)
        .informerFor(Node.class);
    controller = new RouteController(client, nodes, cloud, "kubernetes", Duration.ofSeconds(10),
        clock);
  }

  private void given(Node node) {
    client.addObjects(node);
    nodes.indexer().add(client.resource(Node.class).get(null, node.metadata().name()));
    client.clearActions();
  }

  private static Route route(String node, String cidr) {
    return new Route("r-" + node, node, cidr);
  }

  static Stream<Arguments> plans() {
    Node a = withPodCidr(node("a", "True"), "10.244.1.0/24");
    Node b = withPodCidr(node("b", "True"), "10.244.2.0/24");
    return Stream.of(
        Arguments.of("new node: create its route", List.of(a), List.of(),
            List.of(Route.to("a", "10.244.1.0/24")), List.of()),
        Arguments.of("route exists: nothing to do", List.of(a),
            List.of(route("a", "10.244.1.0/24")), List.of(), List.of()),
        Arguments.of("node gone: delete its route", List.of(a),
            List.of(route("a", "10.244.1.0/24"), route("b", "10.244.2.0/24")), List.of(),
            List.of(route("b", "10.244.2.0/24"))),
        Arguments.of("node's CIDR changed: delete the old, create the new", List.of(b),
            List.of(route("b", "10.244.9.0/24")), List.of(Route.to("b", "10.244.2.0/24")),
            List.of(route("b", "10.244.9.0/24"))),
        Arguments.of("node without a pod CIDR yet: no route", List.of(node("c", "True")),
            List.of(), List.of(), List.of()),
        Arguments.of("two nodes, one routed", List.of(a, b),
            List.of(route("a", "10.244.1.0/24")), List.of(Route.to("b", "10.244.2.0/24")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  @Graded(exercise = "4.6", points = 2)
  void plansRoutesToCreateAndDelete(String name, List<Node> nodeList, List<Route> routes,
      List<Route> toCreate, List<Route> toDelete) {
    RoutePlan plan = RouteController.plan(nodeList, routes);

    assertThat(plan.toCreate()).as("routes to create: %s", name)
        .containsExactlyInAnyOrderElementsOf(toCreate);
    assertThat(plan.toDelete()).as("routes to delete: %s", name)
        .containsExactlyInAnyOrderElementsOf(toDelete);
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void passCreatesRouteAndMarksNetworkAvailable() {
    given(withPodCidr(node("a", "True"), "10.244.1.0/24"));
    cloud.addRoute(new Route("stale", "gone", "10.244.7.0/24"));

    controller.reconcile();

    assertThat(cloud.routesSnapshot()).extracting(Route::targetNode, Route::destinationCidr)
        .as("routes in the cloud after a pass")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "10.244.1.0/24"));
    Node stored = client.resource(Node.class).get(null, "a");
    Condition network = Condition.find(stored.status().conditions(), "NetworkUnavailable")
        .orElseThrow(() -> new AssertionError("node a has no NetworkUnavailable condition"));
    assertThat(network.status()).as("NetworkUnavailable once its route exists")
        .isEqualTo("False");
    assertThat(network.reason()).as("NetworkUnavailable reason").isEqualTo("RouteCreated");
    assertThat(client.actions("update", "nodes/status")).as("node status writes").hasSize(1);
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void failedCreationMarksNetworkUnavailableAndFails() {
    given(withPodCidr(node("a", "True"), "10.244.1.0/24"));
    cloud.failNext(Operation.CREATE_ROUTE, 1);

    assertThatThrownBy(controller::reconcile).as("a pass whose route creation failed")
        .isInstanceOf(CloudException.class);

    Node stored = client.resource(Node.class).get(null, "a");
    assertThat(Condition.find(stored.status().conditions(), "NetworkUnavailable"))
        .as("NetworkUnavailable after the creation failed")
        .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("True"));
  }
}
