package io.minik8s.controllers.deployment;

import static io.minik8s.controllers.deployment.DeploymentFixture.deployment;
import static io.minik8s.controllers.deployment.DeploymentFixture.rolling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.DeploymentStatus;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.apps.ReplicaSetStatus;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.labels.LabelSelectorRequirement;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The controller's decisions beyond the visible tests: finding, building, rollback, progress. */
class DeploymentSyncHiddenTest {

  private final DeploymentFixture f = new DeploymentFixture();

  private static ReplicaSet withTemplate(String name, PodTemplateSpec template, String created) {
    return new ReplicaSet(ObjectMeta.named("default", name).withCreationTimestamp(created)
        .withUid("uid-" + name),
        new ReplicaSetSpec(1, null, template), null);
  }

  private static PodTemplateSpec hashed(PodTemplateSpec t, String hash) {
    Map<String, String> labels = new HashMap<>(t.labels());
    labels.put(PodTemplateHash.LABEL, hash);
    return new PodTemplateSpec(t.metadata().withLabels(labels), t.spec());
  }

  @Test
  @Graded(exercise = "4.2", points = 2,
      hint = "The new ReplicaSet is the OLDEST one whose template equals the Deployment's once the pod-template-hash label is removed from both.")
  void findsTheOldestReplicaSetWithTheSameTemplateIgnoringTheHash() {
    Deployment d = deployment(3, "web:1", rolling(1, 0));
    PodTemplateSpec same = d.spec().template();
    PodTemplateSpec other = deployment(3, "web:2", rolling(1, 0)).spec().template();
    List<ReplicaSet> sets = List.of(
        withTemplate("newer", hashed(same, "bbb"), "2025-01-01T00:00:05Z"),
        withTemplate("different", hashed(other, "ccc"), "2025-01-01T00:00:00Z"),
        withTemplate("older", hashed(same, "aaa"), "2025-01-01T00:00:01Z"));

    assertThat(DeploymentSync.findNewReplicaSet(d, sets).metadata().name())
        .as("two ReplicaSets match (hash labels aside): the older wins").isEqualTo("older");
    assertThat(DeploymentSync.findNewReplicaSet(d, List.of(sets.get(1))))
        .as("no ReplicaSet with the Deployment's template").isNull();
  }

  @Test
  @Graded(exercise = "4.2", points = 2,
      hint = "The new ReplicaSet: name <deployment>-<hash>, the hash label added to its labels, its template's labels and its selector's matchLabels (matchExpressions kept), a controller ownerReference.")
  void buildsTheNewReplicaSetFromTheDeployment() {
    Deployment base = deployment(4, "web:1", rolling(1, 0));
    LabelSelector selector = new LabelSelector(Map.of("app", "web"), List.of(
        new LabelSelectorRequirement("tier", "NotIn", List.of("db"))));
    Deployment d = base.withMetadata(base.metadata().withUid("uid-d"))
        .withSpec(new DeploymentSpec(4, selector, base.spec().template(), base.spec().strategy(),
            7, null, null, null, Map.of()));

    ReplicaSet rs = DeploymentSync.buildNewReplicaSet(d, "xyz", 2,
        Map.of(Deployments.REVISION, "5"));

    assertThat(rs.metadata().name()).isEqualTo("web-xyz");
    assertThat(rs.metadata().namespace()).isEqualTo("default");
    assertThat(rs.metadata().labels()).as("RS labels")
        .isEqualTo(Map.of("app", "web", PodTemplateHash.LABEL, "xyz"));
    assertThat(rs.spec().template().labels()).as("template labels")
        .isEqualTo(Map.of("app", "web", PodTemplateHash.LABEL, "xyz"));
    assertThat(rs.spec().selector().matchLabels()).as("selector matchLabels")
        .isEqualTo(Map.of("app", "web", PodTemplateHash.LABEL, "xyz"));
    assertThat(rs.spec().selector().matchExpressions()).as("selector matchExpressions kept")
        .isEqualTo(selector.matchExpressions());
    assertThat(rs.spec().replicas()).isEqualTo(2);
    assertThat(rs.spec().minReadySeconds()).as("minReadySeconds copied").isEqualTo(7);
    assertThat(rs.metadata().annotations()).containsEntry(Deployments.REVISION, "5");
    assertThat(rs.metadata().controllerRef()).map(OwnerReference::uid).contains("uid-d");
    assertThat(d.spec().template().labels()).as("the Deployment's own template is untouched")
        .doesNotContainKey(PodTemplateHash.LABEL);
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "An orphan ReplicaSet matching the selector is adopted; if its template equals the Deployment's (hash aside) it is the new ReplicaSet, no second one is created.")
  void anAdoptedOrphanWithTheSameTemplateIsTheNewReplicaSet() throws Exception {
    Deployment d = f.create(deployment(2, "web:1", rolling(1, 0)));
    PodTemplateSpec t = hashed(d.spec().template(), "orphan");
    f.put(new ReplicaSet(ObjectMeta.named("default", "web-orphan")
        .withLabels(t.labels()),
        new ReplicaSetSpec(2, LabelSelector.of(t.labels()), t), null));

    f.sync();

    assertThat(f.replicaSets()).as("no second ReplicaSet").hasSize(1);
    ReplicaSet rs = f.newest();
    assertThat(rs.metadata().controllerRef()).as("adopted")
        .map(OwnerReference::uid).contains(d.metadata().uid());
    assertThat(rs.metadata().annotations()).as("and given revision 1")
        .containsEntry(Deployments.REVISION, "1");
    assertThat(DeploymentProgress.find(f.deployment().status(), DeploymentProgress.PROGRESSING)
        .map(Condition::reason)).contains(DeploymentProgress.FOUND_NEW_RS);
  }

  private void rollOut(String image) throws Exception {
    f.setImage(image);
    for (int i = 0; i < 10; i++) {
      f.sync();
      f.runReplicaSets(true);
    }
  }

  @Test
  @Graded(exercise = "4.2", points = 2,
      hint = "Revision 0 means the previous revision (the highest below the current one); undoing twice alternates, and each reuse appends the former revision to revision-history.")
  void undoWithoutARevisionGoesToThePreviousOne() throws Exception {
    f.create(deployment(2, "web:1", rolling(1, 0)));
    f.sync();
    f.runReplicaSets(true);
    rollOut("web:2");                               // revisions: web:1 -> 1, web:2 -> 2

    f.rollbackTo(0);    // previous of 2 is 1
    rollOut(image(f.deployment()));
    assertThat(image(f.deployment())).as("first undo").isEqualTo("web:1");

    f.rollbackTo(0);    // now web:1 is 3, previous is 2 (web:2)
    rollOut(image(f.deployment()));
    assertThat(image(f.deployment())).as("second undo").isEqualTo("web:2");

    f.rollbackTo(0);    // web:2 is 4, previous is 3 (web:1)
    f.sync();
    ReplicaSet web1 = f.replicaSets().stream()
        .filter(rs -> rs.spec().template().spec().containers().get(0).image().equals("web:1"))
        .findFirst().orElseThrow();
    assertThat(web1.metadata().annotations())
        .as("web:1 served revisions 1 and 3, now 5")
        .containsEntry(Deployments.REVISION, "5")
        .containsEntry(Deployments.REVISION_HISTORY, "1,3");
  }

  private static String image(Deployment d) {
    return d.spec().template().spec().containers().get(0).image();
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "Rolling back to a revision no ReplicaSet has is an error naming it; rolling back to the current template writes nothing.")
  void rollbackToAMissingOrTheCurrentRevision() throws Exception {
    f.create(deployment(2, "web:1", rolling(1, 0)));
    f.sync();

    assertThatThrownBy(() -> f.rollbackTo(7))
        .isInstanceOf(DeploymentController.RevisionNotFoundException.class)
        .hasMessageContaining("7");
    assertThatThrownBy(() -> f.rollbackTo(0))
        .as("only one revision: there is no previous one")
        .isInstanceOf(DeploymentController.RevisionNotFoundException.class);

    int writes = f.writes().size();
    Deployment same = f.rollbackTo(1);
    assertThat(image(same)).isEqualTo("web:1");
    assertThat(f.writes()).as("rollback to the current template writes nothing")
        .hasSize(writes);
  }

  private static Deployment withDeadline(Deployment d, Integer seconds) {
    return d.withSpec(new DeploymentSpec(d.spec().replicas(), d.spec().selector(),
        d.spec().template(), d.spec().strategy(), null, null, null, seconds, Map.of()));
  }

  private static ReplicaSet newRs(int spec, int ready) {
    return new ReplicaSet(ObjectMeta.named("default", "web-new"),
        new ReplicaSetSpec(spec, null, null),
        new ReplicaSetStatus(spec, ready, ready, 1L));
  }

  @Test
  @Graded(exercise = "4.2", points = 2,
      hint = "Progressing: complete -> NewReplicaSetAvailable; more updated/ready/available or fewer old pods than the stored status -> ReplicaSetUpdated (lastUpdateTime moves); else, past lastUpdateTime + deadline -> False ProgressDeadlineExceeded.")
  void progressingConditionFromTheStatus() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    String stamp = "2026-01-01T00:00:00Z";
    Condition progressing = new Condition(DeploymentProgress.PROGRESSING, Condition.TRUE, null,
        null, null, stamp, stamp, DeploymentProgress.RS_UPDATED, "", Map.of());
    Deployment base = withDeadline(deployment(3, "web:1", rolling(1, 0)), 30);
    Deployment d = base.withStatus(new DeploymentStatus(1L, 3, 3, 1, 1, 2,
        List.of(progressing), null, Map.of()));

    // nothing moved, 31 s later: timed out
    DeploymentStatus late = DeploymentProgress.rolloutStatus(d, List.of(newRs(3, 1)),
        newRs(3, 1), t0.plusSeconds(31));
    assertThat(DeploymentProgress.find(late, DeploymentProgress.PROGRESSING).orElseThrow())
        .extracting(Condition::status, Condition::reason)
        .as("31 s without progress, deadline 30 s")
        .containsExactly(Condition.FALSE, DeploymentProgress.TIMED_OUT);

    // one more pod ready 31 s later: progressing, lastUpdateTime moves, transition kept
    DeploymentStatus moved = DeploymentProgress.rolloutStatus(d, List.of(newRs(3, 2)),
        newRs(3, 2), t0.plusSeconds(31));
    Condition c = DeploymentProgress.find(moved, DeploymentProgress.PROGRESSING).orElseThrow();
    assertThat(c.reason()).as("progress resets the clock").isEqualTo(DeploymentProgress.RS_UPDATED);
    assertThat(c.lastUpdateTime()).as("lastUpdateTime moves").isEqualTo("2026-01-01T00:00:31Z");
    assertThat(c.lastTransitionTime()).as("lastTransitionTime stays").isEqualTo(stamp);

    // all 3 available: complete
    DeploymentStatus done = DeploymentProgress.rolloutStatus(d, List.of(newRs(3, 3)),
        newRs(3, 3), t0.plusSeconds(5));
    assertThat(DeploymentProgress.find(done, DeploymentProgress.PROGRESSING).orElseThrow()
        .reason()).as("every pod updated and available").isEqualTo(DeploymentProgress.NEW_RS_AVAILABLE);

    // no deadline (MaxInt32): no Progressing condition at all
    Deployment unbounded = withDeadline(d, Integer.MAX_VALUE).withStatus(d.status());
    assertThat(DeploymentProgress.find(DeploymentProgress.rolloutStatus(unbounded,
        List.of(newRs(3, 1)), newRs(3, 1), t0.plusSeconds(999)), DeploymentProgress.PROGRESSING))
        .as("progressDeadlineSeconds = MaxInt32 means no deadline").isEmpty();
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "A rollback takes the template and the annotations of the ReplicaSet of that revision, but keeps the Deployment's own revision and last-applied annotations.")
  void rollbackCopiesTheRevisionsAnnotationsButKeepsTheDeploymentsBookkeeping() {
    Deployment d = deployment(2, "web:2", rolling(1, 0));
    d = d.withMetadata(d.metadata().withAnnotations(Map.of(
        Deployments.REVISION, "2",
        "kubectl.kubernetes.io/last-applied-configuration", "{applied}",
        "team", "b")));
    Deployment web1 = deployment(2, "web:1", rolling(1, 0));
    ReplicaSet rs1 = withTemplate("web-1", hashed(web1.spec().template(), "h1"), "2026-01-01T00:00:00Z");
    rs1 = rs1.withMetadata(rs1.metadata().withAnnotations(Map.of(Deployments.REVISION, "1", "team", "a")));
    ReplicaSet rs2 = withTemplate("web-2", hashed(d.spec().template(), "h2"), "2026-01-01T00:01:00Z");
    rs2 = rs2.withMetadata(rs2.metadata().withAnnotations(Map.of(Deployments.REVISION, "2", "team", "b")));

    Deployment back = DeploymentController.rolledBack(d, List.of(rs1, rs2), 1).orElseThrow();
    assertThat(image(back)).as("the template of revision 1").isEqualTo("web:1");
    assertThat(back.metadata().annotations()).as("annotations after rolling back to revision 1")
        .isEqualTo(Map.of(Deployments.REVISION, "2",
            "kubectl.kubernetes.io/last-applied-configuration", "{applied}",
            "team", "a"));
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "Once the Progressing condition says NewReplicaSetAvailable and every replica is updated, the rollout is over: a pod turning unready later is not a stalled rollout.")
  void aCompletedRolloutNeverTimesOut() {
    String stamp = "2026-01-01T00:00:00Z";
    Condition complete = new Condition(DeploymentProgress.PROGRESSING, Condition.TRUE, null,
        null, null, stamp, stamp, DeploymentProgress.NEW_RS_AVAILABLE, "", Map.of());
    Deployment d = withDeadline(deployment(3, "web:1", rolling(1, 0)), 30)
        .withStatus(new DeploymentStatus(1L, 3, 3, 3, 3, 0, List.of(complete), null, Map.of()));

    // an hour later one pod is no longer ready: nothing moved since, far past the deadline
    DeploymentStatus later = DeploymentProgress.rolloutStatus(d, List.of(newRs(3, 2)),
        newRs(3, 2), Instant.parse(stamp).plusSeconds(3600));
    assertThat(later).as("status").isNotNull();
    assertThat(DeploymentProgress.find(later, DeploymentProgress.PROGRESSING).orElseThrow())
        .extracting(Condition::status, Condition::reason, Condition::lastUpdateTime)
        .as("Progressing of a completed rollout an hour later")
        .containsExactly(Condition.TRUE, DeploymentProgress.NEW_RS_AVAILABLE, stamp);
  }

  @Test
  @Graded(exercise = "4.2", points = 1,
      hint = "Available is True (MinimumReplicasAvailable) when available >= replicas - maxUnavailable, else False (MinimumReplicasUnavailable).")
  void availableConditionAtTheBoundary() throws Exception {
    // 4 replicas, maxUnavailable 1: 3 available is enough, 2 is not
    f.create(deployment(4, "web:1", rolling(0, 1)));
    f.sync();
    f.setStatus(f.newest().metadata().name(), new ReplicaSetStatus(4, 2, 2, 1L));
    f.sync();
    assertThat(DeploymentProgress.find(f.deployment().status(), DeploymentProgress.AVAILABLE)
        .orElseThrow().reason()).as("2 of 4 available, min 3")
        .isEqualTo(DeploymentProgress.MIN_UNAVAILABLE);
    f.setStatus(f.newest().metadata().name(), new ReplicaSetStatus(4, 3, 3, 1L));
    f.sync();
    Condition available = DeploymentProgress.find(f.deployment().status(),
        DeploymentProgress.AVAILABLE).orElseThrow();
    assertThat(available.status()).as("3 of 4 available, min 3").isEqualTo(Condition.TRUE);
    assertThat(available.reason()).isEqualTo(DeploymentProgress.MIN_AVAILABLE);
  }
}
