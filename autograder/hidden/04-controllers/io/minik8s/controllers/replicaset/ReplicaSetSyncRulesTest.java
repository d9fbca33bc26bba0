package io.minik8s.controllers.replicaset;

import static io.minik8s.controllers.replicaset.ReplicaSetFixture.NS;
import static io.minik8s.controllers.replicaset.ReplicaSetFixture.T0;
import static io.minik8s.controllers.testing.TestPods.labeled;
import static io.minik8s.controllers.testing.TestPods.nextVersion;
import static io.minik8s.controllers.testing.TestPods.notReady;
import static io.minik8s.controllers.testing.TestPods.ownedBy;
import static io.minik8s.controllers.testing.TestPods.phase;
import static io.minik8s.controllers.testing.TestPods.pod;
import static io.minik8s.controllers.testing.TestPods.terminating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.controllers.testing.RecordingPodControl.InjectedFailure;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSetSyncRulesTest {

  private final ReplicaSetFixture f = new ReplicaSetFixture();

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "A pod whose controller is another ReplicaSet is neither counted nor touched, "
          + "even if your selector matches it.")
  void podsOfAnotherControllerAreNotCountedNorTouched() {
    f.replicaSet("web", 1);
    ReplicaSet other = f.replicaSet("other", 1);
    Pod theirs = labeled(f.ownedPod(other, "theirs"), Map.of("app", "web"));
    f.store(theirs);

    f.sync("web");

    assertThat(f.podControl.created()).as("pods created for web").hasSize(1);
    assertThat(f.podControl.deleted()).as("pods deleted").isEmpty();
    assertThat(f.client.actions("patch", "pods")).as("patches of another controller's pod")
        .isEmpty();
  }

  @Test
  @Graded(exercise = "4.1", points = 2,
      hint = "Failed, Succeeded and terminating pods are not active: they count neither "
          + "towards replicas nor in status.")
  void finishedAndTerminatingPodsAreNotCounted() {
    ReplicaSet rs = f.replicaSet("web", 3);
    f.cache(
        f.ownedPod(rs, "running"),
        phase(f.ownedPod(rs, "failed"), PodStatus.FAILED),
        phase(f.ownedPod(rs, "succeeded"), PodStatus.SUCCEEDED),
        terminating(f.ownedPod(rs, "terminating"), T0));

    f.sync("web");

    assertThat(f.podControl.created()).as("pods created: 3 wanted, 1 active").hasSize(2);
    assertThat(f.podControl.deleted()).as("pods deleted").isEmpty();
    assertThat(f.serverStatus("web").replicas()).as("status.replicas (active pods only)")
        .isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "Write status only when a count or observedGeneration changed; otherwise every "
          + "write wakes the controller again.")
  void statusIsWrittenOnlyWhenItChanges() {
    ReplicaSet rs = f.replicaSet("web", 1);
    Pod pod = f.ownedPod(rs, "web-a");
    f.cache(pod);

    f.sync("web");
    f.refresh("web");
    f.sync("web");
    assertThat(f.statusWrites()).as("status writes after two syncs with nothing changed")
        .isEqualTo(1);

    f.cache(nextVersion(notReady(pod, T0)));
    f.sync("web");
    assertThat(f.statusWrites()).as("status writes after the pod stopped being ready")
        .isEqualTo(2);
    assertThat(f.serverStatus("web").readyReplicas()).as("status.readyReplicas").isZero();
  }

  @Test
  @Graded(exercise = "4.1", points = 2,
      hint = "When sync finds no ReplicaSet for its key, forget that key's expectations, so a "
          + "new ReplicaSet of the same name starts clean.")
  void aDeletedReplicaSetForgetsItsExpectations() {
    ReplicaSet rs = f.replicaSet("web", 3);
    f.sync("web"); // expects 3 creations that will never be seen

    f.rsCache.indexer().delete(rs);
    f.sync("web");
    f.refresh("web"); // back in the cache (as if recreated under the same name)
    f.sync("web");

    assertThat(f.podControl.createCalls())
        .as("creations after the ReplicaSet was gone from the cache and came back").isEqualTo(6);
  }

  @Test
  @Graded(exercise = "4.1", points = 2,
      hint = "On a pod update, enqueue the old controller if the controllerRef changed, the "
          + "new one, and for an orphan whose labels changed every ReplicaSet selecting it; a "
          + "resync (same resourceVersion) enqueues nothing.")
  void podUpdatesWakeOldAndNewOwners() {
    ReplicaSet web = f.replicaSet("web", 1);
    ReplicaSet other = f.replicaSet("other", 1);
    Pod pod = f.ownedPod(web, "moving");

    f.controller.updatePod(pod, pod);
    assertThat(f.queue.added()).as("keys enqueued for a resync (same resourceVersion)").isEmpty();

    f.controller.updatePod(pod, nextVersion(ownedBy(pod, other)));
    assertThat(f.queue.added()).as("keys enqueued when the controllerRef moved web -> other")
        .containsExactlyInAnyOrder("default/web", "default/other");

    f.queue.clear();
    Pod orphan = pod(NS, "orphan", Map.of("app", "web"));
    f.controller.updatePod(orphan, nextVersion(labeled(orphan, Map.of("app", "other"))));
    assertThat(f.queue.added()).as("keys enqueued when an orphan is relabelled app=other")
        .containsExactly("default/other");

    f.queue.clear();
    Pod released = ownedBy(pod(NS, "released", Map.of("app", "web")), other);
    f.controller.updatePod(released, nextVersion(released.withMetadata(
        released.metadata().withOwnerReferences(List.of()))));
    assertThat(f.queue.added())
        .as("keys enqueued when other released a pod labelled app=web (old owner, then adopter)")
        .containsExactlyInAnyOrder("default/other", "default/web");

    f.queue.clear();
    f.controller.updatePod(orphan, nextVersion(phase(orphan, PodStatus.RUNNING)));
    assertThat(f.queue.added()).as("keys enqueued when only an orphan's status changed")
        .isEmpty();
  }

  @Test
  @Graded(exercise = "4.1", points = 2,
      hint = "Each deleted pod must tick off one expected deletion exactly once: when it first "
          + "shows up terminating, or when it is gone if it never did.")
  void eachDeletionIsObservedOnce() {
    ReplicaSet rs = f.replicaSet("web", 1);
    Pod keep = f.ownedPod(rs, "keep");
    Pod a = notReady(f.ownedPod(rs, "a"), T0);
    Pod b = notReady(f.ownedPod(rs, "b"), T0);
    f.cache(keep, a, b);
    f.sync("web"); // deletes a and b, expects 2 deletions
    assertThat(f.podControl.deleted()).as("pods deleted to go from 3 to 1")
        .containsExactlyInAnyOrder("a", "b");

    Pod aTerminating = nextVersion(terminating(a, T0));
    f.cache(aTerminating);
    f.controller.updatePod(a, aTerminating); // a starts terminating: observed
    f.controller.updatePod(aTerminating, nextVersion(aTerminating)); // still terminating: not again
    f.podCache.indexer().delete(aTerminating);
    f.queue.clear();
    f.controller.deletePod(aTerminating); // a gone: already observed, must not count again
    assertThat(f.queue.added()).as("keys enqueued when a terminating pod is finally gone")
        .containsExactly("default/web");
    f.sync("web"); // b is still active in the cache: syncing now would delete another pod
    assertThat(f.podControl.deleteCalls())
        .as("delete calls while b's deletion is still unobserved").isEqualTo(2);

    f.podCache.indexer().delete(b);
    f.controller.deletePod(b);
    f.scale("web", 2);
    f.sync("web");
    assertThat(f.podControl.createCalls())
        .as("creations after both deletions were observed and replicas raised to 2").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "A pod that first appears already terminating is a deletion for its owner, not a "
          + "creation.")
  void aPodAddedWhileTerminatingCountsAsDeleted() {
    ReplicaSet rs = f.replicaSet("web", 1);
    Pod keep = f.ownedPod(rs, "keep");
    Pod a = notReady(f.ownedPod(rs, "a"), T0);
    f.cache(keep, a);
    f.sync("web"); // deletes a, expects 1 deletion

    f.podCache.indexer().delete(a);
    f.controller.addPod(terminating(a, T0));
    f.scale("web", 3);
    f.sync("web");

    assertThat(f.podControl.createCalls())
        .as("creations once the terminating pod's add event was counted as its deletion")
        .isEqualTo(2);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "A pod whose deletionTimestamp just appeared is a deletion its owner can count "
          + "now, before the pod is gone.")
  void aPodStartingToTerminateCountsAsDeleted() {
    ReplicaSet rs = f.replicaSet("web", 1);
    Pod keep = f.ownedPod(rs, "keep");
    Pod a = notReady(f.ownedPod(rs, "a"), T0);
    f.cache(keep, a);
    f.sync("web"); // deletes a, expects 1 deletion

    Pod aTerminating = nextVersion(terminating(a, T0));
    f.cache(aTerminating);
    f.controller.updatePod(a, aTerminating);
    f.scale("web", 2);
    f.sync("web");

    assertThat(f.podControl.createCalls())
        .as("creations once the update showing a terminating was counted as its deletion")
        .isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "At most 500 pods (upstream's burstReplicas) are created or deleted in one sync.")
  void atMostBurstReplicasPodsPerSync() {
    f.replicaSet("web", 600);

    f.sync("web");

    assertThat(f.podControl.createCalls()).as("creations in one sync for 600 missing pods")
        .isEqualTo(ReplicaSetController.BURST_REPLICAS);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "A deletion that failed will never be observed: lower the expectation for it.")
  void aFailedDeletionIsNoLongerExpected() {
    ReplicaSet rs = f.replicaSet("web", 1);
    Pod keep = f.ownedPod(rs, "keep");
    Pod a = notReady(f.ownedPod(rs, "a"), T0);
    Pod stuck = phase(f.ownedPod(rs, "stuck"), PodStatus.PENDING);
    f.podControl.failDeletionOf("stuck");
    f.cache(keep, a, stuck);

    assertThatThrownBy(() -> f.sync("web")).isInstanceOf(InjectedFailure.class);
    assertThat(f.podControl.deleted()).as("pods deleted").containsExactly("a");

    f.podCache.indexer().delete(a);
    f.controller.deletePod(a);
    assertThatThrownBy(() -> f.sync("web")).isInstanceOf(InjectedFailure.class);
    assertThat(f.podControl.deleteCalls())
        .as("delete calls: the failed one is retried once a's deletion was observed")
        .isEqualTo(3);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "Come back after minReadySeconds only when some pod is ready but not yet available.")
  void noRequeueWhenEveryReadyPodIsAvailable() {
    ReplicaSet rs = f.replicaSet("web", 1, 30);
    f.clock.advanceSeconds(31);
    f.cache(f.ownedPod(rs, "web-a")); // ready since T0: available after 30 s

    f.sync("web");

    assertThat(f.queue.addedAfter()).as("delayed requeues when every ready pod is available")
        .isEmpty();
    assertThat(f.serverStatus("web").availableReplicas()).as("status.availableReplicas")
        .isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "fullyLabeledReplicas counts pods carrying every label of the template, which may "
          + "be more than the selector asks for.")
  void fullyLabeledCountsPodsWithEveryTemplateLabel() {
    Map<String, String> templateLabels = Map.of("app", "web", "tier", "front");
    ReplicaSet rs = f.replicaSet(new ReplicaSet(ObjectMeta.named(NS, "web"),
        new ReplicaSetSpec(2, LabelSelector.of(Map.of("app", "web")), new PodTemplateSpec(
            ObjectMeta.named(null).withLabels(templateLabels),
            PodSpec.of(List.of(Container.of("main", "minik8s/web:1"))))),
        null));
    f.cache(f.ownedPod(rs, "full"), labeled(f.ownedPod(rs, "partial"), Map.of("app", "web")));

    f.sync("web");

    assertThat(f.serverStatus("web").replicas()).as("status.replicas").isEqualTo(2);
    assertThat(f.serverStatus("web").fullyLabeledReplicas())
        .as("status.fullyLabeledReplicas (one pod lacks tier=front)").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.1", points = 1,
      hint = "A ReplicaSet being deleted creates and deletes nothing, but its status is still "
          + "written.")
  void aReplicaSetBeingDeletedOnlyWritesStatus() {
    ReplicaSet rs = f.replicaSet("web", 2);
    f.rsCache.indexer().update(
        rs.withMetadata(rs.metadata().withDeletionTimestamp("2026-01-01T00:00:00Z")));
    f.cache(f.ownedPod(rs, "web-a"));

    f.sync("web");

    assertThat(f.podControl.createCalls()).as("creations for a ReplicaSet being deleted").isZero();
    assertThat(f.serverStatus("web").replicas()).as("status.replicas").isEqualTo(1);
  }
}
