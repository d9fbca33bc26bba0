package io.minik8s.controllers.cloud;

import static io.minik8s.controllers.cloud.CloudNodeLifecycleController.SHUTDOWN_TAINT;
import static io.minik8s.controllers.cloud.CloudObjects.node;
import static io.minik8s.controllers.cloud.CloudObjects.withTaints;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.Action;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.cloud.fake.FakeCloud;
import io.minik8s.controllers.cloud.fake.FakeCloud.Operation;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cloud node lifecycle controller: which nodes it deletes or taints, and that it does. */
class CloudNodeLifecycleControllerTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeKubeClient client = new FakeKubeClient(clock, 42);
  private final FakeCloud cloud = new FakeCloud(d -> { });
  private SharedIndexInformer<Node> nodes;
  private CloudNodeLifecycleController controller;

  @BeforeEach
  void setUp() {
    nodes = new DefaultSharedInformerFactory(client, Duration.ZERO, clock)
        .informerFor(Node.class);
    controller = new CloudNodeLifecycleController(client, nodes, cloud, Duration.ofSeconds(5),
        clock);
  }

  private void given(Node node) {
    client.addObjects(node);
    nodes.indexer().add(client.resource(Node.class).get(null, node.metadata().name()));
    client.clearActions();
  }

  enum Machine { RUNNING, SHUT_DOWN, GONE }

  static Stream<Arguments> cases() {
    Taint shutdown = SHUTDOWN_TAINT;
    return Stream.of(
        Arguments.of("Ready, machine running", node("n", "True"), Machine.RUNNING,
            CloudNodeLifecycleController.Action.KEEP),
        Arguments.of("Ready, machine gone (kubelet still heartbeats: trust it)",
            node("n", "True"), Machine.GONE, CloudNodeLifecycleController.Action.KEEP),
        Arguments.of("Ready again with a stale shutdown taint",
            withTaints(node("n", "True"), shutdown), Machine.RUNNING,
            CloudNodeLifecycleController.Action.REMOVE_SHUTDOWN_TAINT),
        Arguments.of("NotReady, machine gone", node("n", "False"), Machine.GONE,
            CloudNodeLifecycleController.Action.DELETE),
        Arguments.of("Unknown, machine gone", node("n", "Unknown"), Machine.GONE,
            CloudNodeLifecycleController.Action.DELETE),
        Arguments.of("no Ready condition, machine gone", node("n", null), Machine.GONE,
            CloudNodeLifecycleController.Action.DELETE),
        Arguments.of("NotReady, machine shut down", node("n", "False"), Machine.SHUT_DOWN,
            CloudNodeLifecycleController.Action.TAINT_SHUTDOWN),
        Arguments.of("NotReady, shut down, tainted already",
            withTaints(node("n", "False"), shutdown), Machine.SHUT_DOWN,
            CloudNodeLifecycleController.Action.KEEP),
        Arguments.of("NotReady, machine running (the node lifecycle controller's business)",
            node("n", "False"), Machine.RUNNING, CloudNodeLifecycleController.Action.KEEP));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Graded(exercise = "4.6", points = 2)
  void decidesPerNode(String name, Node node, Machine machine,
      CloudNodeLifecycleController.Action expected) {
    if (machine != Machine.GONE) {
      cloud.addInstance("n");
    }
    if (machine == Machine.SHUT_DOWN) {
      cloud.shutdownInstance("n");
    }

    assertThat(controller.decide(node)).as("action for a node: %s", name).isEqualTo(expected);
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void readyNodesCostNoCloudCalls() {
    cloud.addInstance("n");

    controller.decide(node("n", "True"));

    assertThat(cloud.calls()).as("cloud calls to judge a Ready node (quota is precious)")
        .isEmpty();
  }

  @Test
  @Graded(exercise = "4.6", points = 1)
  void passDeletesGoneNodesAndTaintsShutDownOnes() {
    cloud.addInstance("alive");
    cloud.addInstance("off");
    cloud.shutdownInstance("off");
    given(node("alive", "True"));
    given(node("gone", "False"));
    given(node("off", "Unknown"));

    controller.monitorNodes();

    assertThat(client.actions("delete", "nodes")).extracting(Action::name)
        .as("nodes deleted").containsExactly("gone");
    List<Action> updates = client.actions("update", "nodes");
    assertThat(updates).extracting(Action::name).as("nodes updated").containsExactly("off");
    assertThat(((Node) updates.get(0).object()).spec().taints())
        .as("taints written on the shut-down node").contains(SHUTDOWN_TAINT);
  }
}
