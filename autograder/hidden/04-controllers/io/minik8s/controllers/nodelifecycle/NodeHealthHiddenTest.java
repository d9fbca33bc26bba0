package io.minik8s.controllers.nodelifecycle;

import static io.minik8s.controllers.nodelifecycle.NodeFixture.tolerate;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.api.core.Toleration;
import io.minik8s.objects.meta.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hidden tests of exercise 4.4: conditions, taints and eviction times at their edges. */
class NodeHealthHiddenTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String EARLIER = "2025-12-31T23:00:00Z";

  private final NodeFixture fx = new NodeFixture();

  @AfterEach
  void stopQueue() {
    fx.controller.shutdown();
  }

  private static Condition condition(String type, String status) {
    return Condition.of(type, status, "KubeletSays", "fine", EARLIER);
  }

  @Test
  @Graded(exercise = "4.4", points = 2,
      hint = "Only Ready and the pressure conditions the node has become Unknown; one already"
          + " Unknown keeps its transition time; a missing Ready is added.")
  void markUnknownTouchesOnlyTheKubeletsConditions() {
    List<Condition> before = List.of(condition("Ready", "True"),
        condition("MemoryPressure", "False"), condition("NetworkUnavailable", "False"),
        condition("DiskPressure", "Unknown"));
    List<Condition> after = NodeConditions.markUnknown(before, T0);
    assertThat(after).extracting(Condition::type).as("types, in order")
        .containsExactly("Ready", "MemoryPressure", "NetworkUnavailable", "DiskPressure");
    assertThat(after).extracting(Condition::status).as("statuses")
        .containsExactly("Unknown", "Unknown", "False", "Unknown");
    assertThat(after.get(1).reason()).as("MemoryPressure reason").isEqualTo("NodeStatusUnknown");
    assertThat(after.get(1).lastTransitionTime()).as("MemoryPressure transition")
        .isEqualTo("2026-01-01T00:00:00Z");
    assertThat(after.get(3)).as("DiskPressure was Unknown already: unchanged")
        .isEqualTo(before.get(3));

    List<Condition> fresh = NodeConditions.markUnknown(List.of(), T0);
    assertThat(fresh).extracting(Condition::type, Condition::status, Condition::reason)
        .as("a node that never posted a status")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Ready", "Unknown",
            "NodeStatusNeverUpdated"));
  }

  @Test
  @Graded(exercise = "4.4", points = 2,
      hint = "Keep other taints and their order, keep the wanted taint (with its timeAdded) if"
          + " present, drop the other managed one; the same input must give an equal list.")
  void taintsForReadinessKeepWhatTheyShould() {
    Taint custom = new Taint("dedicated", "gpu", "NoSchedule");
    Taint unreachable = new Taint(Taint.UNREACHABLE, null, "NoExecute", EARLIER, Map.of());
    Taint notReadySchedule = new Taint(Taint.NOT_READY, null, "NoSchedule");

    assertThat(NodeTaints.forReadiness(List.of(unreachable, custom), "Unknown", T0))
        .as("Unknown, already unreachable: unchanged (timeAdded kept)")
        .containsExactly(unreachable, custom);
    assertThat(NodeTaints.forReadiness(List.of(unreachable, custom), "False", T0))
        .as("False: unreachable swapped for not-ready added now").containsExactly(custom,
            new Taint(Taint.NOT_READY, null, "NoExecute", "2026-01-01T00:00:00Z", Map.of()));
    assertThat(NodeTaints.forReadiness(List.of(custom, notReadySchedule, unreachable), "True",
        T0)).as("True: the NoExecute taint goes; a NoSchedule one is not ours")
        .containsExactly(custom, notReadySchedule);
    assertThat(NodeTaints.forReadiness(List.of(), null, T0)).as("no Ready condition at all")
        .extracting(Taint::key).containsExactly(Taint.UNREACHABLE);
  }

  @Test
  @Graded(exercise = "4.4", points = 2,
      hint = "A node without a Lease still shows life through the lastHeartbeatTime of its"
          + " Ready condition: a change of it resets the timer.")
  void aStatusHeartbeatAloneKeepsANodeAlive() throws Exception {
    fx.addNode("old-kubelet", Condition.TRUE);
    fx.monitor();
    for (int i = 1; i <= 3; i++) {
      fx.clock.advanceSeconds(35);
      fx.postStatus("old-kubelet", Condition.TRUE, fx.clock.instant());
      fx.monitor();
    }
    assertThat(fx.readyStatus("old-kubelet")).as("status posted every 35 s, no lease")
        .isEqualTo("True");
    fx.clock.advanceSeconds(41);
    fx.monitor();
    assertThat(fx.readyStatus("old-kubelet")).as("then silent 41 s").isEqualTo("Unknown");
  }

  @Test
  @Graded(exercise = "4.4", points = 1,
      hint = "Only a renewTime later than the one seen last is a renewal.")
  void aLeaseMovingBackwardsIsNotARenewal() throws Exception {
    fx.addNode("node-1", Condition.TRUE);
    fx.addLease("node-1", fx.clock.instant());
    fx.monitor();
    fx.clock.advanceSeconds(30);
    fx.renewLease("node-1", fx.clock.instant().minusSeconds(3600));
    fx.clock.advanceSeconds(11);
    fx.monitor();
    assertThat(fx.readyStatus("node-1")).as("41 s since the last real renewal")
        .isEqualTo("Unknown");
  }

  @Test
  @Graded(exercise = "4.4", points = 2,
      hint = "Per NoExecute taint use the pod's FIRST tolerating toleration; take the earliest"
          + " timeAdded + seconds; seconds <= 0 means at timeAdded; other effects never evict.")
  void evictionTimeEdges() {
    Taint unreachable = new Taint(Taint.UNREACHABLE, null, "NoExecute",
        "2026-01-01T00:00:00Z", Map.of());
    Taint gpu = new Taint("gpu", "yes", "NoExecute", "2026-01-01T00:10:00Z", Map.of());
    Taint soft = new Taint("soft", null, "NoSchedule", "2026-01-01T00:00:00Z", Map.of());
    Instant now = T0.plusSeconds(5);

    assertThat(TaintEviction.evictionTime(List.of(unreachable),
        List.of(tolerate(null, null), tolerate(Taint.UNREACHABLE, 30L)), now))
        .as("the first matching toleration (forever) is the one used").isEmpty();
    assertThat(TaintEviction.evictionTime(List.of(unreachable, gpu),
        List.of(tolerate(Taint.UNREACHABLE, 900L), tolerate("gpu", 60L)), now))
        .as("earliest of t0+900 s and t0+600 s+60 s").contains(T0.plusSeconds(660));
    assertThat(TaintEviction.evictionTime(List.of(unreachable),
        List.of(tolerate(Taint.UNREACHABLE, -5L)), now))
        .as("negative tolerationSeconds: at timeAdded").contains(T0);
    assertThat(TaintEviction.evictionTime(List.of(soft), List.of(), now))
        .as("an untolerated NoSchedule taint does not evict").isEmpty();
    assertThat(TaintEviction.evictionTime(List.of(), List.of(), now))
        .as("no taints").isEqualTo(Optional.empty());
    assertThat(TaintEviction.evictionTime(List.of(unreachable, gpu),
        List.of(tolerate(Taint.UNREACHABLE, 900L)), now))
        .as("one taint not tolerated: now").contains(now);
  }

  @Test
  @Graded(exercise = "4.4", points = 1,
      hint = "Compare empty and null strings alike, and an empty key with Equal still compares"
          + " the value.")
  void tolerationCornerCases() {
    Taint noValue = new Taint("k", null, "NoExecute");
    assertThat(Tolerations.tolerates(new Toleration("k", "Equal", "", "NoExecute"), noValue))
        .as("Equal with value \"\" vs a taint without value").isTrue();
    assertThat(Tolerations.tolerates(new Toleration(null, "Equal", "v", null),
        new Taint("any", "v", "NoSchedule"))).as("empty key, Equal, same value").isTrue();
    assertThat(Tolerations.tolerates(new Toleration(null, "Equal", "v", null),
        new Taint("any", "w", "NoSchedule"))).as("empty key, Equal, other value").isFalse();
  }

  @Test
  @Graded(exercise = "4.4", points = 1,
      hint = "Only pods bound to the unreachable node are evicted or marked not ready.")
  void podsOnHealthyNodesAreLeftAlone() throws Exception {
    fx.addNode("dead", Condition.TRUE);
    fx.addNode("alive", Condition.TRUE);
    fx.addLease("dead", fx.clock.instant());
    fx.addLease("alive", fx.clock.instant());
    fx.addPod("on-alive", "alive");
    fx.addPod("unscheduled", null);
    fx.monitor();
    fx.clock.advanceSeconds(41);
    fx.renewLease("alive", fx.clock.instant());
    fx.monitor();
    assertThat(fx.readyStatus("dead")).as("the silent node").isEqualTo("Unknown");
    assertThat(fx.evicted()).as("pods evicted").isEmpty();
    assertThat(fx.client.actions("update", "pods/status")).as("pod status writes").isEmpty();
  }
}
