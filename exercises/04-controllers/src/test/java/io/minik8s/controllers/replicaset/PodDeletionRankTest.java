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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case is a pair that differs on one rule (and agrees on the ones before it): the first pod
 * must be deleted first, whichever order the comparator sees them in.
 */
class PodDeletionRankTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  /** Scheduled, Running, Ready since T, no restarts, created at T: every rule's "keep" side. */
  static Pod healthy(String name) {
    return createdAt(ready(scheduled(pod("default", name, Map.of()), "node-1"), T), T);
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("unscheduled before scheduled",
            createdAt(ready(pod("default", "a", Map.of()), T), T), healthy("b")),
        Arguments.of("Pending before Running",
            phase(healthy("a"), PodStatus.PENDING), healthy("b")),
        Arguments.of("Pending before Unknown",
            phase(healthy("a"), PodStatus.PENDING), phase(healthy("b"), PodStatus.UNKNOWN)),
        Arguments.of("Unknown before Running",
            phase(healthy("a"), PodStatus.UNKNOWN), healthy("b")),
        Arguments.of("not ready before ready",
            notReady(healthy("a"), T), healthy("b")),
        Arguments.of("ready recently before ready longer",
            ready(healthy("a"), T.plusSeconds(10)), healthy("b")),
        Arguments.of("more restarts before fewer",
            restarts(healthy("a"), 3), restarts(healthy("b"), 1)),
        Arguments.of("created later before created earlier",
            createdAt(healthy("a"), T.plusSeconds(5)), healthy("b")),
        Arguments.of("unscheduled wins over a later rule (it is ready, the other is not)",
            createdAt(ready(pod("default", "a", Map.of()), T), T), notReady(healthy("b"), T)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  @Graded(exercise = "4.1", points = 3)
  void ranksTheFirstPodForDeletionFirst(String rule, Pod first, Pod second) {
    PodDeletionRank rank = new PodDeletionRank();

    assertThat(rank.compare(first, second))
        .as("%s: compare(first, second) should be negative", rule).isNegative();
    assertThat(rank.compare(second, first))
        .as("%s: compare(second, first) should be positive", rule).isPositive();
  }
}
