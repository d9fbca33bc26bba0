package io.minik8s.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.controllers.deployment.RollingUpdateMath.Fenceposts;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.apps.ReplicaSetStatus;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** More rows for the rolling-update arithmetic and the history cleanup. */
class RolloutArithmeticHiddenTest {

  private static IntOrString value(String text) {
    return text.endsWith("%") ? IntOrString.of(text) : IntOrString.of(Integer.parseInt(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # 25% of 1 = 0.25: surge up to 1, unavailable down to 0
      1 replica 25%/25%     | 25% | 25% | 1  | 1 | 0
      # 10% of 20 = 2 exactly
      20 replicas 10%/10%   | 10% | 10% | 20 | 2 | 2
      # 33% of 9 = 2.97 -> 3 up; 66% of 9 = 5.94 -> 5 down
      9 replicas 33%/66%    | 33% | 66% | 9  | 3 | 5
      # 1% of 99 = 0.99: surge 1, unavailable 0 (not 0/0, so no bump)
      99 replicas 1%/1%     | 1%  | 1%  | 99 | 1 | 0
      # absolute surge 0 with 0% unavailable: 0/0 -> 0/1
      0 and 0%              | 0   | 0%  | 5  | 0 | 1
      # 150% is allowed for surge: 1.5 * 4 = 6
      surge above 100%      | 150%| 0   | 4  | 6 | 0
      """)
  @Graded(exercise = "4.2", points = 2,
      hint = "maxSurge rounds up, maxUnavailable rounds down, and only when BOTH are 0 does maxUnavailable become 1.")
  void moreFencepostRows(String name, String surge, String unavailable, int replicas,
      int expectedSurge, int expectedUnavailable) {
    assertThat(RollingUpdateMath.resolveFenceposts(value(surge), value(unavailable), replicas))
        .as("%s", name)
        .isEqualTo(new Fenceposts(expectedSurge, expectedUnavailable));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # room 6 - 7 < 0: unchanged
      over the surge already          | 5 | 1 | 7 | 2 | 2
      # room exactly 0 (6 - 6): unchanged
      exactly at the surge            | 5 | 1 | 6 | 2 | 2
      # room 0 and the new RS above desired: unchanged (scaling down is another step's job)
      at the surge, new above desired | 3 | 1 | 4 | 4 | 4
      # room 1 (6 - 5): one more
      one below the surge             | 5 | 1 | 5 | 2 | 3
      # room 3 but only 1 short of desired
      capped by desired               | 5 | 2 | 4 | 4 | 5
      # the new RS is complete: min(room, 0) = 0
      already complete                | 5 | 2 | 5 | 5 | 5
      # 0 desired, nothing to add
      zero desired                    | 0 | 0 | 0 | 0 | 0
      """)
  @Graded(exercise = "4.2", points = 2,
      hint = "Room is replicas + maxSurge - (sum of spec.replicas of all ReplicaSets); the new ReplicaSet never grows past replicas.")
  void moreNewReplicaSetRows(String name, int desired, int maxSurge, int current, int newRs,
      int expected) {
    assertThat(RollingUpdateMath.newReplicaSetReplicas(desired, maxSurge, current, newRs))
        .as("%s", name).isEqualTo(expected);
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "Old pods may go down to replicas - maxUnavailable, minus the new ReplicaSet's pods that are not available yet; never below 0.")
  void scaleDownBudgetBoundaries() {
    // 10 pods, min 8, new 2 of 2 available: 10 - 8 - 0 = 2
    assertThat(RollingUpdateMath.maxScaledDown(10, 10, 2, 2, 2)).as("2 over").isEqualTo(2);
    // 10 pods, min 8, new 2 of 1 available: 10 - 8 - 1 = 1
    assertThat(RollingUpdateMath.maxScaledDown(10, 10, 2, 2, 1)).as("1 over").isEqualTo(1);
    // 9 pods, min 9 (maxUnavailable 1 of 10): 9 - 9 - 0 = 0
    assertThat(RollingUpdateMath.maxScaledDown(9, 10, 1, 0, 0)).as("at the minimum").isZero();
    // 6 pods, min 8: -2 -> 0
    assertThat(RollingUpdateMath.maxScaledDown(6, 10, 2, 0, 0)).as("below the minimum").isZero();
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "Walk the old ReplicaSets oldest first; take min(its replicas, what is left of the budget) from each.")
  void scaleDownOldWithALargeBudget() {
    // min available 10 - 3 = 7, 20 available: budget 13 > 4 + 0 + 5 = 9 -> all to 0
    assertThat(RollingUpdateMath.scaleDownOld(List.of(4, 0, 5), 10, 3, 20))
        .as("budget larger than all old pods").containsExactly(0, 0, 0);
    // budget 8 - 7 = 1 from [0, 0, 5]: the first non-empty loses one
    assertThat(RollingUpdateMath.scaleDownOld(List.of(0, 0, 5), 10, 3, 8))
        .as("budget 1 with empty ReplicaSets first").containsExactly(0, 0, 4);
    assertThat(RollingUpdateMath.scaleDownOld(List.of(), 10, 3, 20)).as("no old RS").isEmpty();
  }

  private static ReplicaSet rs(String name, long revision, int spec, int status, long generation,
      long observed, boolean deleting) {
    ObjectMeta meta = ObjectMeta.named("default", name)
        .withAnnotations(Map.of(Deployments.REVISION, Long.toString(revision)))
        .withGeneration(generation)
        .withCreationTimestamp("2025-01-01T00:00:0" + revision + "Z");
    if (deleting) {
      meta = meta.withDeletionTimestamp("2025-01-02T00:00:00Z");
    }
    return new ReplicaSet(meta, new ReplicaSetSpec(spec, null, null),
        new ReplicaSetStatus(status, status, status, observed));
  }

  @Test
  @Graded(exercise = "4.2", points = 2,
      hint = "Sort the live old ReplicaSets by revision; of the (count - limit) lowest, delete only those with 0 spec and 0 status replicas and an up-to-date status.")
  void historyCleanupDeletesOnlyTheLowestEmptyRevisions() {
    List<ReplicaSet> olds = List.of(
        rs("r4", 4, 0, 0, 1, 1, false),
        rs("r1", 1, 0, 0, 1, 1, false),
        rs("r3", 3, 0, 0, 1, 1, false),
        rs("r2", 2, 0, 0, 1, 1, false));
    // 4 old, limit 2: the two lowest revisions go
    assertThat(RevisionHistory.toDelete(olds, 2).stream().map(r -> r.metadata().name()))
        .as("4 old revisions, limit 2").containsExactlyInAnyOrder("r1", "r2");
    assertThat(RevisionHistory.toDelete(olds, 4)).as("exactly at the limit").isEmpty();
    assertThat(RevisionHistory.toDelete(olds, 0)).as("limit 0: every empty old RS").hasSize(4);

    List<ReplicaSet> busy = List.of(
        rs("r1", 1, 1, 1, 1, 1, false),   // still has a pod asked for
        rs("r2", 2, 0, 1, 1, 1, false),   // a pod still exists
        rs("r3", 3, 0, 0, 2, 1, false),   // status not yet for the latest spec
        rs("r4", 4, 0, 0, 1, 1, false),
        rs("r5", 5, 0, 0, 1, 1, false));
    // limit 1: the 4 lowest are candidates, only r4 is empty and settled
    assertThat(RevisionHistory.toDelete(busy, 1).stream().map(r -> r.metadata().name()))
        .as("candidates with pods or a stale status are kept").containsExactly("r4");

    List<ReplicaSet> withDeleting = List.of(
        rs("r1", 1, 0, 0, 1, 1, true),
        rs("r2", 2, 0, 0, 1, 1, false),
        rs("r3", 3, 0, 0, 1, 1, false));
    // r1 is already going: 2 live, limit 1 -> r2 goes, r1 is not counted nor deleted again
    assertThat(RevisionHistory.toDelete(withDeleting, 1).stream().map(r -> r.metadata().name()))
        .as("a ReplicaSet being deleted does not count").containsExactly("r2");
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "With a collisionCount, hash 8 more bytes after the JSON: the count's 4 bytes lowest first, then 4 zero bytes.")
  void theCollisionCountIsHashedAsUpstreamDoes() {
    // FNV-32a over the template's JSON (see PodTemplateHashTest), then the bytes of the count:
    // 258 = 0x00000102 -> 02 01 00 00, then 00 00 00 00; computed independently of the solution
    assertThat(PodTemplateHash.compute(PodTemplateHashTest.TEMPLATE, 258)).as("collisionCount 258")
        .isEqualTo("5bbfc556c8");
    assertThat(PodTemplateHash.compute(PodTemplateHashTest.TEMPLATE, 0x01020304)).as("collisionCount 0x01020304")
        .isEqualTo("5b44c6768c");
  }
}
