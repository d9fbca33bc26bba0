package io.minik8s.controllers.deployment;

import static io.minik8s.controllers.deployment.DeploymentFixture.KEY;
import static io.minik8s.controllers.deployment.DeploymentFixture.deployment;
import static io.minik8s.controllers.deployment.DeploymentFixture.rolling;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentStatus;
import io.minik8s.objects.api.apps.DeploymentStrategy;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Deployment controller, sync by sync, on a FakeKubeClient. The fixture stands in for
 * the ReplicaSet controller and the kubelets ({@code runReplicaSets(ready)}).
 */
class DeploymentControllerTest {

  private final DeploymentFixture f = new DeploymentFixture();

  /** Creates the Deployment and rolls it out to completion. */
  private void steadyState(Deployment d) throws Exception {
    f.create(d);
    f.sync();
    f.runReplicaSets(true);
    f.sync();
  }

  private static String image(ReplicaSet rs) {
    return rs.spec().template().spec().containers().get(0).image();
  }

  private static Condition condition(Deployment d, String type) {
    return DeploymentProgress.find(d.status(), type).orElseThrow(
        () -> new AssertionError("no " + type + " condition in " + d.status()));
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void aNewDeploymentGetsOneReplicaSetWithTheHashLabelAndRevision1() throws Exception {
    Deployment d = f.create(deployment(3, "web:1", rolling(1, 0)));

    f.sync();

    assertThat(f.replicaSets()).as("ReplicaSets after the first sync").hasSize(1);
    ReplicaSet rs = f.newest();
    String hash = PodTemplateHash.compute(d.spec().template(), null);
    assertThat(rs.metadata().name()).as("name <deployment>-<hash>").isEqualTo("web-" + hash);
    assertThat(rs.spec().template().labels())
        .as("template labels: the Deployment's plus the hash")
        .isEqualTo(Map.of("app", "web", PodTemplateHash.LABEL, hash));
    assertThat(rs.spec().selector().matchLabels())
        .as("selector: the Deployment's plus the hash")
        .isEqualTo(Map.of("app", "web", PodTemplateHash.LABEL, hash));
    assertThat(rs.spec().replicas()).as("a fresh Deployment's RS starts at full size").isEqualTo(3);
    // max-replicas = 3 replicas + maxSurge 1 = 4
    assertThat(rs.metadata().annotations())
        .containsEntry(Deployments.REVISION, "1")
        .containsEntry(Deployments.DESIRED_REPLICAS, "3")
        .containsEntry(Deployments.MAX_REPLICAS, "4");
    assertThat(rs.metadata().controllerRef()).as("controller reference to the Deployment")
        .map(OwnerReference::uid).contains(d.metadata().uid());
    Deployment after = f.deployment();
    assertThat(after.metadata().annotations()).as("the Deployment's revision annotation")
        .containsEntry(Deployments.REVISION, "1");
    assertThat(condition(after, DeploymentProgress.PROGRESSING).reason())
        .isEqualTo(DeploymentProgress.NEW_RS_CREATED);
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void aTemplateChangeCreatesRevision2AndMovesWithinSurgeAndUnavailable() throws Exception {
    steadyState(deployment(10, "web:1", rolling("25%", "25%")));
    ReplicaSet first = f.newest();

    f.setImage("web:2");
    f.sync();

    List<ReplicaSet> sets = f.replicaSets();
    assertThat(sets).as("ReplicaSets after the template change").hasSize(2);
    ReplicaSet next = sets.get(1);
    assertThat(image(next)).isEqualTo("web:2");
    assertThat(next.metadata().annotations()).containsEntry(Deployments.REVISION, "2");
    assertThat(next.metadata().name()).as("a new hash, a new name")
        .isNotEqualTo(first.metadata().name());
    // maxSurge = ceil(2.5) = 3: 10 old pods, room for 13 -> the new RS starts with 3.
    assertThat(next.spec().replicas()).as("new RS: 13 allowed - 10 existing").isEqualTo(3);
    // maxUnavailable = floor(2.5) = 2: 10 available, min 8 -> old RS may lose 2 -> 8.
    // (all = 13, 3 new unavailable: 13 - 8 - 3 = 2 may go.)
    assertThat(sets.get(0).spec().replicas()).as("old RS: 10 available - min 8").isEqualTo(8);
    assertThat(f.deployment().metadata().annotations())
        .containsEntry(Deployments.REVISION, "2");
  }

  static Stream<Arguments> strategies() {
    return Stream.of(
        Arguments.of("10 replicas, 25%/25% (surge 3, unavailable 2)", 10, "25%", "25%", 3, 2),
        Arguments.of("3 replicas, surge 1, unavailable 0", 3, 1, 0, 1, 0),
        Arguments.of("3 replicas, surge 0, unavailable 1", 3, 0, 1, 0, 1),
        Arguments.of("5 replicas, 50%/0 (surge 3)", 5, "50%", 0, 3, 0),
        Arguments.of("4 replicas, 0/1% (0/0 -> unavailable 1)", 4, 0, "1%", 0, 1),
        Arguments.of("7 replicas, surge 2, unavailable 3", 7, 2, 3, 2, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  @Graded(exercise = "4.2", points = 3)
  void aRolloutNeverExceedsSurgeNorDropsBelowAvailability(String name, int replicas,
      Object maxSurge, Object maxUnavailable, int surge, int unavailable) throws Exception {
    steadyState(deployment(replicas, "web:1", rolling(maxSurge, maxUnavailable)));
    f.setImage("web:2");

    int steps = 0;
    while (!(f.newest().spec().replicas() == replicas
        && f.availablePods() == replicas && f.totalPods() == replicas
        && image(f.newest()).equals("web:2"))) {
      assertThat(steps++).as("%s: the rollout should finish within 40 steps", name)
          .isLessThan(40);
      f.sync();
      // the new pods exist but are not ready yet: the tightest moment for availability
      f.runReplicaSets(false);
      assertBounds(name, steps, replicas, surge, unavailable);
      f.runReplicaSets(true);
      assertBounds(name, steps, replicas, surge, unavailable);
    }
    f.sync();
    assertThat(condition(f.deployment(), DeploymentProgress.PROGRESSING).reason())
        .as("%s: Progressing reason once complete", name)
        .isEqualTo(DeploymentProgress.NEW_RS_AVAILABLE);
  }

  private void assertBounds(String name, int step, int replicas, int surge, int unavailable) {
    assertThat(f.totalPods())
        .as("%s, step %d: pods must not exceed replicas %d + maxSurge %d", name, step, replicas,
            surge)
        .isLessThanOrEqualTo(replicas + surge);
    assertThat(f.availablePods())
        .as("%s, step %d: available pods must not drop below replicas %d - maxUnavailable %d",
            name, step, replicas, unavailable)
        .isGreaterThanOrEqualTo(replicas - unavailable);
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void theLessonsWorkedExampleSyncBySync() throws Exception {
    // replicas 10, maxSurge ceil(2.5) = 3, maxUnavailable floor(2.5) = 2: <= 13 pods, >= 8 available
    steadyState(deployment(10, "web:1", rolling("25%", "25%")));
    f.setImage("web:2");
    int[][] expected = {
        // new, old   why
        {3, 8},    // room 13 - 10 = 3; cap 13 - 8 - 3 unavailable new = 2; 10 available - 8 = 2
        {5, 8},    // room 13 - 11 = 2; a sync that scales up stops there
        {5, 3},    // room 0; cap 13 - 8 - 0 = 5; 13 available - 8 = 5
        {10, 3},   // room 13 - 8 = 5
        {10, 0},   // 13 available - 8 = 5 >= 3
    };
    for (int sync = 0; sync < expected.length; sync++) {
      f.sync();
      List<ReplicaSet> sets = f.replicaSets();
      assertThat(new int[] {sets.get(1).spec().replicas(), sets.get(0).spec().replicas()})
          .as("sync %d: [new RS, old RS] replicas", sync + 1)
          .containsExactly(expected[sync]);
      f.runReplicaSets(true);
    }
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void recreateScalesOldToZeroAndWaitsForTheirPodsBeforeTheNewReplicaSet() throws Exception {
    steadyState(deployment(3, "web:1", DeploymentStrategy.recreate()));
    ReplicaSet old = f.newest();
    Pod straggler = f.put(new Pod(ObjectMeta.named("default", "web-old-1")
        .withLabels(old.spec().template().labels())
        .withOwnerReferences(List.of(OwnerReference.controllerOf(old))), null,
        PodStatus.ofPhase(PodStatus.RUNNING)));

    f.setImage("web:2");
    f.sync();
    assertThat(f.replicaSets()).as("no new RS while old pods run").hasSize(1);
    assertThat(f.newest().spec().replicas()).as("old RS scaled to 0 first").isZero();

    f.runReplicaSets(true); // old RS status: 0 pods, but one pod is still in the cache
    f.sync();
    assertThat(f.replicaSets()).as("no new RS while a pod of the old one runs").hasSize(1);

    f.client.resource(Pod.class).delete("default", straggler.metadata().name(),
        io.minik8s.client.rest.DeleteOptions.DEFAULT);
    f.controller.podDeleted(straggler);
    assertThat(f.queue.added()).as("the old pod's deletion wakes the Deployment").contains(KEY);
    f.sync();
    assertThat(f.replicaSets()).as("the new RS once old pods are gone").hasSize(2);
    ReplicaSet next = f.newest();
    assertThat(image(next)).isEqualTo("web:2");
    assertThat(next.spec().replicas()).as("Recreate: new RS at full size at once").isEqualTo(3);
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void rollbackRestoresTheEarlierTemplateWithTheNextRevision() throws Exception {
    steadyState(deployment(2, "web:1", rolling(1, 0)));
    String firstName = f.newest().metadata().name();
    f.setImage("web:2");
    for (int i = 0; i < 10; i++) {
      f.sync();
      f.runReplicaSets(true);
    }

    Deployment back = f.rollbackTo(1);

    assertThat(back.spec().template().spec().containers().get(0).image())
        .as("template after rollback to revision 1").isEqualTo("web:1");
    assertThat(back.spec().template().labels()).as("no hash label in the Deployment's template")
        .doesNotContainKey(PodTemplateHash.LABEL);
    f.sync();
    assertThat(f.replicaSets()).as("the old RS is reused, not a third one").hasSize(2);
    ReplicaSet restored = f.get(ReplicaSet.class, firstName);
    assertThat(restored.metadata().annotations())
        .as("the restored RS gets the next revision, 3, and remembers 1")
        .containsEntry(Deployments.REVISION, "3")
        .containsEntry(Deployments.REVISION_HISTORY, "1");
    assertThat(restored.spec().replicas()).as("restored RS scales up").isPositive();
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void oldRevisionsBeyondTheHistoryLimitAreDeleted() throws Exception {
    Deployment d = deployment(2, "web:1", rolling(1, 0));
    d = d.withSpec(new io.minik8s.objects.api.apps.DeploymentSpec(d.spec().replicas(),
        d.spec().selector(), d.spec().template(), d.spec().strategy(), null, 1, null, null,
        Map.of()));
    steadyState(d);
    for (String image : List.of("web:2", "web:3", "web:4")) {
      f.setImage(image);
      for (int i = 0; i < 10; i++) {
        f.sync();
        f.runReplicaSets(true);
      }
    }
    f.sync();

    assertThat(f.replicaSets().stream().map(Deployments::revision).toList())
        .as("revisionHistoryLimit 1: the new RS (4) and one old one (3) remain")
        .containsExactly(3L, 4L);
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void aPausedDeploymentDoesNotRollOutButStillScales() throws Exception {
    steadyState(deployment(3, "web:1", rolling(1, 0)));
    f.update(spec -> spec.withPaused(true));
    f.sync();
    Condition paused = condition(f.deployment(), DeploymentProgress.PROGRESSING);
    assertThat(paused.status()).as("Progressing while paused").isEqualTo(Condition.UNKNOWN);
    assertThat(paused.reason()).isEqualTo(DeploymentProgress.PAUSED);

    f.setImage("web:2");
    f.sync();
    assertThat(f.replicaSets()).as("paused: no new RS for the new template").hasSize(1);

    f.update(spec -> spec.withReplicas(5));
    f.sync();
    assertThat(f.newest().spec().replicas()).as("paused: scaling still applies").isEqualTo(5);

    f.update(spec -> spec.withPaused(false));
    f.sync();
    assertThat(f.replicaSets()).as("resumed: the rollout starts").hasSize(2);
    assertThat(image(f.newest())).isEqualTo("web:2");
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void progressDeadlineExceededOnlyAfterTheDeadline() throws Exception {
    Deployment d = deployment(3, "web:1", rolling(1, 0));
    d = d.withSpec(new io.minik8s.objects.api.apps.DeploymentSpec(d.spec().replicas(),
        d.spec().selector(), d.spec().template(), d.spec().strategy(), null, null, null, 60,
        Map.of()));
    f.create(d);
    f.sync();
    f.runReplicaSets(false); // pods are created but never become ready
    f.sync();
    assertThat(f.queue.addedAfter()).as("a recheck just after the deadline")
        .containsEntry(KEY, Duration.ofSeconds(61));

    f.clock.advanceSeconds(60);
    f.sync();
    assertThat(condition(f.deployment(), DeploymentProgress.PROGRESSING).status())
        .as("at exactly lastUpdateTime + 60 s the deadline has not passed")
        .isEqualTo(Condition.TRUE);

    f.clock.advanceSeconds(1);
    f.sync();
    Condition progressing = condition(f.deployment(), DeploymentProgress.PROGRESSING);
    assertThat(progressing.status()).as("61 s without progress").isEqualTo(Condition.FALSE);
    assertThat(progressing.reason()).isEqualTo(DeploymentProgress.TIMED_OUT);
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void statusCountsReplicasOfAllReplicaSets() throws Exception {
    steadyState(deployment(10, "web:1", rolling("25%", "25%")));
    f.setImage("web:2");
    f.sync();              // new 3, old 8 (see the template-change test)
    f.runReplicaSets(false);
    f.sync();              // 11 pods asked for, room 13 - 11 = 2: new 3 -> 5
    f.runReplicaSets(false);
    f.sync();              // 13 pods, 5 new unavailable: 13 - 8 - 5 = 0, nothing moves

    DeploymentStatus status = f.deployment().status();
    assertThat(status.observedGeneration()).as("observedGeneration (spec changed once)")
        .isEqualTo(2L);
    assertThat(status.replicas()).as("replicas: 5 new + 8 old").isEqualTo(13);
    assertThat(status.updatedReplicas()).as("updatedReplicas: the new RS's pods").isEqualTo(5);
    assertThat(status.readyReplicas()).as("readyReplicas: only the old pods").isEqualTo(8);
    assertThat(status.availableReplicas()).as("availableReplicas").isEqualTo(8);
    assertThat(status.unavailableReplicas()).as("unavailableReplicas: 13 - 8").isEqualTo(5);
    Condition available = condition(f.deployment(), DeploymentProgress.AVAILABLE);
    assertThat(available.status()).as("8 available >= 10 - 2").isEqualTo(Condition.TRUE);
    assertThat(available.reason()).isEqualTo(DeploymentProgress.MIN_AVAILABLE);
  }

  // --- ungraded: the wiring around the exercise ---

  @Test
  void replicaSetEventsWakeTheirDeployment() throws Exception {
    steadyState(deployment(2, "web:1", rolling(1, 0)));
    f.catchUp();
    ReplicaSet owned = f.newest();
    f.queue.clear();

    f.controller.replicaSetChanged(owned, owned);
    assertThat(f.queue.added()).as("a resync (same resourceVersion) changes nothing").isEmpty();

    f.controller.replicaSetChanged(null, owned);
    assertThat(f.queue.added()).as("an owned RS wakes its owner").containsExactly(KEY);

    f.queue.clear();
    ReplicaSet orphan = new ReplicaSet(ObjectMeta.named("default", "stray")
        .withLabels(Map.of("app", "web")), owned.spec(), null);
    f.controller.replicaSetChanged(null, orphan);
    assertThat(f.queue.added()).as("an orphan wakes the Deployments whose selector matches it")
        .containsExactly(KEY);

    f.queue.clear();
    f.controller.replicaSetChanged(null, orphan.withMetadata(orphan.metadata()
        .withLabels(Map.of("app", "other"))));
    assertThat(f.queue.added()).as("an orphan nobody selects").isEmpty();
  }

  @Test
  void proportionalScalingSharesAResizeByReplicaSetSize() {
    // mid-rollout of 10 (surge 3): old 8 + new 5 = 13. Resized to 15: allowed 15 + ceil(3.75) = 19,
    // 6 to add. old: round(8 * 6 / 13) = round(3.7) = 4 -> 12; new: round(5 * 6 / 13) = 2 -> 7.
    assertThat(RollingUpdateMath.proportionalSizes(List.of(8, 5), 6)).containsExactly(12, 7);
    // shrink 13 -> 7 + surge 2 = 9, 4 to remove: 8 -> 8 - round(2.46) = 6, 5 -> 5 - 2 = 3... but
    // only -4 in total: the second gets max(-2, -4 + 2) = -2 -> 3
    assertThat(RollingUpdateMath.proportionalSizes(List.of(8, 5), -4)).containsExactly(6, 3);
    // rounding leftovers land on the first (largest): 3 + 3 + 3 grown by 2
    assertThat(RollingUpdateMath.proportionalSizes(List.of(3, 3, 3), 2)).containsExactly(4, 4, 3);
  }
}
