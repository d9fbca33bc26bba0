package io.minik8s.controllers.replicaset;

import static io.minik8s.controllers.testing.TestPods.createdAt;
import static io.minik8s.controllers.testing.TestPods.notReady;
import static io.minik8s.controllers.testing.TestPods.phase;
import static io.minik8s.controllers.testing.TestPods.pod;
import static io.minik8s.controllers.testing.TestPods.ready;
import static io.minik8s.controllers.testing.TestPods.restarts;
import static io.minik8s.controllers.testing.TestPods.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PodDeletionOrderTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static Pod healthy(String name) {
    return createdAt(ready(scheduled(pod("default", name, Map.of()), "node-1"), T), T);
  }

  @Test
  @Graded(exercise = "4.1", points = 2,
      hint = "Check each rule in upstream's order, and only move to the next rule when two "
          + "pods tie on the current one.")
  void sortsAShuffledListIntoDeletionOrder() {
    List<Pod> expected = List.of(
        createdAt(pod("default", "unscheduled-pending", Map.of()), T),
        phase(healthy("pending"), PodStatus.PENDING),
        phase(healthy("unknown"), PodStatus.UNKNOWN),
        notReady(healthy("running-not-ready"), T),
        ready(healthy("ready-no-time"), null),
        ready(healthy("ready-recently"), T.plusSeconds(50)),
        restarts(healthy("restarted"), 2),
        createdAt(healthy("young"), T.plusSeconds(10)),
        healthy("old"));
    List<Pod> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(42));

    List<String> sorted = shuffled.stream().sorted(new PodDeletionRank())
        .map(p -> p.metadata().name()).toList();

    assertThat(sorted).as("deletion order of a shuffled list")
        .containsExactlyElementsOf(expected.stream().map(p -> p.metadata().name()).toList());
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "Two pods equal on every rule compare as 0; ready-time only matters when both "
          + "pods are ready.")
  void tiesAndRulesThatDoNotApply() {
    PodDeletionRank rank = new PodDeletionRank();
    assertThat(rank.compare(healthy("a"), healthy("b"))).as("two identical pods").isZero();
    Pod notReadyEarly = notReady(healthy("a"), T);
    Pod notReadyLate = notReady(healthy("b"), T.plusSeconds(30));
    assertThat(rank.compare(notReadyEarly, notReadyLate))
        .as("two not-ready pods whose Ready condition changed at different times").isZero();
    Pod created = createdAt(pod("default", "a", Map.of()), T);
    assertThat(rank.compare(created, pod("default", "b", Map.of())))
        .as("a pod without creationTimestamp goes before one with it").isPositive();
  }
}
