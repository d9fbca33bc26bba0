package io.minik8s.controllers.nodelifecycle;

import static io.minik8s.controllers.nodelifecycle.NodeFixture.tolerate;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4.4: node health from heartbeats, the NoExecute taints, and taint-based eviction.
 * Grace period 40 s; the clock moves only when a test says so.
 */
class NodeLifecycleControllerTest {

  private final NodeFixture fx = new NodeFixture();

  @AfterEach
  void stopQueue() {
    fx.controller.shutdown();
  }

  @Test
  @Graded(exercise = "4.4", points = 1)
  void aNodeRenewingItsLeaseStaysReady() throws Exception {
    fx.addNode("node-1", Condition.TRUE);
    fx.addLease("node-1", fx.clock.instant());
    fx.monitor();
    for (int i = 1; i <= 4; i++) {
      fx.clock.advanceSeconds(30);
      fx.renewLease("node-1", fx.clock.instant());
      fx.monitor();
      assertThat(fx.readyStatus("node-1"))
          .as("after %d s, lease renewed every 30 s (grace 40 s): Ready", 30 * i)
          .isEqualTo(Condition.TRUE);
    }
    assertThat(fx.taints("node-1")).as("taints of a healthy node").isEmpty();
    assertThat(fx.nodeWrites()).as("a healthy node is never written").isEmpty();
  }

  @Test
  @Graded(exercise = "4.4", points = 3)
  void aLeaseNotRenewedForLongerThanTheGracePeriodMakesTheNodeUnknownAndUnreachable()
      throws Exception {
    fx.addNode("node-1", Condition.TRUE);
    fx.addLease("node-1", fx.clock.instant());
    fx.monitor();

    fx.clock.advanceSeconds(40);
    fx.monitor();
    assertThat(fx.readyStatus("node-1"))
        .as("silent for exactly the grace period (40 s): still Ready").isEqualTo(Condition.TRUE);
    assertThat(fx.taints("node-1")).as("taints at exactly 40 s").isEmpty();

    fx.clock.advanceSeconds(1);
    fx.monitor();
    Condition ready = fx.condition("node-1", "Ready").orElseThrow();
    assertThat(ready.status()).as("silent 41 s: Ready status").isEqualTo(Condition.UNKNOWN);
    assertThat(ready.reason()).as("Ready reason").isEqualTo("NodeStatusUnknown");
    assertThat(ready.message()).as("Ready message")
        .isEqualTo("Kubelet stopped posting node status.");
    assertThat(ready.lastTransitionTime()).as("Ready lastTransitionTime")
        .isEqualTo(Timestamps.format(fx.clock.instant()));
    assertThat(fx.taints("node-1")).as("taints of an unreachable node")
        .containsExactly(new Taint("node.kubernetes.io/unreachable", null, "NoExecute",
            Timestamps.format(fx.clock.instant()), java.util.Map.of()));
  }

  @Test
  @Graded(exercise = "4.4", points = 2)
  void heartbeatsAreJudgedOnTheControllersClockNotTheKubelets() throws Exception {
    // The kubelet's clock is an hour behind ours: its renewTimes look ancient, yet it renews.
    Instant kubeletClock = fx.clock.instant().minus(Duration.ofHours(1));
    fx.addNode("node-1", Condition.TRUE);
    fx.addLease("node-1", kubeletClock);
    fx.monitor();
    for (int i = 1; i <= 3; i++) {
      fx.clock.advanceSeconds(30);
      fx.renewLease("node-1", kubeletClock.plusSeconds(30L * i));
      fx.monitor();
    }
    assertThat(fx.readyStatus("node-1"))
        .as("renewTime is an hour old by our clock but changes every 30 s: Ready")
        .isEqualTo(Condition.TRUE);
  }

  @Test
  @Graded(exercise = "4.4", points = 2)
  void aNodeThatComesBackLosesTheUnreachableTaint() throws Exception {
    fx.addNode("node-1", Condition.TRUE);
    fx.addLease("node-1", fx.clock.instant());
    fx.monitor();
    fx.clock.advanceSeconds(60);
    fx.monitor();
    assertThat(fx.taintKeys("node-1")).as("after 60 s of silence")
        .containsExactly("node.kubernetes.io/unreachable:NoExecute");

    fx.clock.advanceSeconds(5);
    fx.renewLease("node-1", fx.clock.instant());
    fx.postStatus("node-1", Condition.TRUE, fx.clock.instant());
    fx.monitor();

    assertThat(fx.readyStatus("node-1")).as("the kubelet posted Ready=True").isEqualTo("True");
    assertThat(fx.taints("node-1")).as("taints once Ready again").isEmpty();
  }

  @Test
  @Graded(exercise = "4.4", points = 1)
  void aNodeReportingNotReadyGetsTheNotReadyTaint() throws Exception {
    fx.addNode("node-1", Condition.FALSE);
    fx.addLease("node-1", fx.clock.instant());
    fx.monitor();
    assertThat(fx.taintKeys("node-1")).as("Ready=False, heartbeats fine")
        .containsExactly("node.kubernetes.io/not-ready:NoExecute");

    fx.clock.advanceSeconds(41);
    fx.monitor();
    assertThat(fx.taintKeys("node-1")).as("then silent for 41 s: not-ready swapped for"
        + " unreachable").containsExactly("node.kubernetes.io/unreachable:NoExecute");
  }

  @Test
  @Graded(exercise = "4.4", points = 2)
  void podsThatDoNotTolerateTheTaintAreEvictedAtOnce() throws Exception {
    fx.addNode("node-1", Condition.TRUE);
    fx.addNode("node-2", Condition.TRUE);
    fx.addLease("node-1", fx.clock.instant());
    fx.addLease("node-2", fx.clock.instant());
    fx.addPod("intolerant", "node-1");
    fx.addPod("elsewhere", "node-2");
    fx.addPod("forever", "node-1", tolerate("node.kubernetes.io/unreachable", null));
    fx.addPod("unrelated-toleration", "node-1", tolerate("gpu", null));
    fx.monitor();
    assertThat(fx.evicted()).as("evictions while both nodes are healthy").isEmpty();

    fx.clock.advanceSeconds(41);
    fx.renewLease("node-2", fx.clock.instant());
    fx.monitor();

    assertThat(fx.evicted()).as("pods deleted when node-1 became unreachable")
        .containsExactlyInAnyOrder("intolerant", "unrelated-toleration");

    fx.clock.advanceSeconds(3600);
    fx.renewLease("node-2", fx.clock.instant());
    fx.monitor();
    assertThat(fx.evicted()).as("an hour later: the pod tolerating unreachable forever stays")
        .doesNotContain("forever");
  }

  @Test
  @Graded(exercise = "4.4", points = 3)
  void podsToleratingTheTaintForAWhileAreEvictedWhenTheirTimeIsUp() throws Exception {
    fx.addNode("node-1", Condition.TRUE);
    fx.addLease("node-1", fx.clock.instant());
    fx.addPod("five-minutes", "node-1", tolerate("node.kubernetes.io/unreachable", 300L));
    fx.addPod("one-minute", "node-1", tolerate(null, 60L));
    fx.monitor();
    fx.clock.advanceSeconds(41);
    fx.monitor(); // tainted now (timeAdded = t0 + 41 s)
    assertThat(fx.evicted()).as("right after tainting").isEmpty();

    fx.clock.advanceSeconds(59);
    fx.monitor();
    assertThat(fx.evicted()).as("59 s after the taint was added").isEmpty();
    fx.clock.advanceSeconds(1);
    fx.monitor();
    assertThat(fx.evicted()).as("60 s after the taint: the pod tolerating 60 s goes")
        .containsExactly("one-minute");

    fx.clock.advanceSeconds(239);
    fx.monitor();
    assertThat(fx.evicted()).as("299 s after the taint").containsExactly("one-minute");
    fx.clock.advanceSeconds(1);
    fx.monitor();
    assertThat(fx.evicted()).as("300 s after the taint: the pod tolerating 300 s goes too")
        .containsExactly("one-minute", "five-minutes");
  }

  @Test
  @Graded(exercise = "4.4", points = 1)
  void podsOfAnUnreachableNodeAreMarkedNotReady() throws Exception {
    fx.addNode("node-1", Condition.TRUE);
    fx.addLease("node-1", fx.clock.instant());
    fx.addPod("web", "node-1", tolerate(null, null));
    fx.monitor();
    fx.clock.advanceSeconds(41);
    fx.monitor();
    var pod = fx.client.resource(io.minik8s.objects.api.core.Pod.class).get("default", "web");
    assertThat(Condition.find(pod.status().conditions(), "Ready").map(Condition::status))
        .as("Ready of a pod on an unreachable node (it stays: it tolerates everything)")
        .contains(Condition.FALSE);
  }
}
