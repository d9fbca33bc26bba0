package io.minik8s.controllers.replicaset;

import static io.minik8s.controllers.replicaset.ReplicaSetFixture.NS;
import static io.minik8s.controllers.replicaset.ReplicaSetFixture.T0;
import static io.minik8s.controllers.testing.TestPods.labeled;
import static io.minik8s.controllers.testing.TestPods.notReady;
import static io.minik8s.controllers.testing.TestPods.ownedBy;
import static io.minik8s.controllers.testing.TestPods.phase;
import static io.minik8s.controllers.testing.TestPods.pod;
import static io.minik8s.controllers.testing.TestPods.ready;
import static io.minik8s.controllers.testing.TestPods.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.controllers.testing.RecordingPodControl.InjectedFailure;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.OwnerReference;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSetControllerTest {

  private final ReplicaSetFixture f = new ReplicaSetFixture();

  @Test
  @Graded(exercise = "4.1", points = 2)
  void scaleUpFromZeroCreatesTheMissingPodsOwnedByTheReplicaSet() {
    ReplicaSet rs = f.replicaSet("web", 3);

    f.sync("web");

    assertThat(f.podControl.created())
        .as("pods created for a ReplicaSet of 3 replicas with no pods").hasSize(3);
    for (Pod pod : f.podControl.created()) {
      OwnerReference ref = pod.metadata().controllerRef().orElse(null);
      assertThat(ref).as("controller ownerReference of %s", pod.metadata().name()).isNotNull();
      assertThat(ref.uid()).as("ownerReference uid").isEqualTo(rs.metadata().uid());
      assertThat(pod.metadata().labels()).as("labels of a created pod").containsEntry("app", "web");
    }
  }

  @Test
  @Graded(exercise = "4.1", points = 3)
  void expectationsPreventCreatingTwiceWhileTheCacheLags() {
    f.replicaSet("web", 3);

    f.sync("web");
    f.sync("web"); // the cache has not seen the 3 new pods yet

    assertThat(f.podControl.createCalls())
        .as("creations after two syncs while the pod cache still shows none"
            + " (the second sync must wait for its expectations)")
        .isEqualTo(3);
  }

  @Test
  @Graded(exercise = "4.1", points = 2)
  void observedCreationsLetTheNextSyncCountAgain() {
    f.replicaSet("web", 3);
    f.sync("web");

    // The informer reports the 3 pods, but the test keeps them out of the cache: a sync that
    // counts again must see 0 pods and create 3 more. Ticking off only 2 is not enough.
    f.controller.addPod(f.podControl.created().get(0));
    f.controller.addPod(f.podControl.created().get(1));
    f.sync("web");
    assertThat(f.podControl.createCalls())
        .as("creations while 1 of 3 expected creations is still unobserved").isEqualTo(3);

    f.controller.addPod(f.podControl.created().get(2));
    f.sync("web");
    assertThat(f.podControl.createCalls())
        .as("creations once all 3 expected pods were observed (cache still empty)").isEqualTo(6);
  }

  @Test
  @Graded(exercise = "4.1", points = 2)
  void scaleDownDeletesTheLeastValuablePods() {
    ReplicaSet rs = f.replicaSet("web", 2);
    Pod readyOld = f.ownedPod(rs, "ready-old");
    Pod unscheduled = ownedBy(pod(NS, "unscheduled", Map.of("app", "web")), rs);
    Pod notReady = notReady(scheduled(f.ownedPod(rs, "not-ready"), "node-1"), T0);
    Pod readyNew = ready(f.ownedPod(rs, "ready-new"), T0.plusSeconds(60));
    f.cache(readyOld, unscheduled, notReady, readyNew);

    f.sync("web");

    assertThat(f.podControl.deleted())
        .as("4 pods, 2 wanted: the unscheduled and the not-ready pod go first")
        .containsExactlyInAnyOrder("unscheduled", "not-ready");
  }

  @Test
  @Graded(exercise = "4.1", points = 2)
  void slowStartStopsAfterTheFirstFailedBatchAndExpectsOnlyWhatSucceeded() {
    f.replicaSet("web", 10);
    f.podControl.failCreationsWhen(call -> call == 4); // fails in the third batch (calls 4-7)

    assertThatThrownBy(() -> f.sync("web")).isInstanceOf(InjectedFailure.class);
    assertThat(f.podControl.createCalls())
        .as("create calls for 10 pods in batches 1, 2, 4 when call 4 fails (no batch of 3 after)")
        .isEqualTo(7);
    assertThat(f.podControl.created()).as("pods created").hasSize(6);

    // Only the 6 that were created are expected: observing them lets the next sync act.
    f.podControl.failCreationsWhen(call -> false);
    f.cacheCreated().forEach(f.controller::addPod);
    f.sync("web");
    assertThat(f.podControl.created())
        .as("pods after the next sync, once the 6 created ones were observed").hasSize(10);
  }

  @Test
  @Graded(exercise = "4.1", points = 2)
  void adoptsMatchingOrphansAndReleasesPodsWhoseLabelsNoLongerMatch() {
    ReplicaSet rs = f.replicaSet("web", 2);
    Pod orphan = ready(scheduled(pod(NS, "orphan", Map.of("app", "web")), "node-1"), T0);
    Pod relabeled = labeled(f.ownedPod(rs, "relabeled"), Map.of("app", "debug"));
    Pod owned = f.ownedPod(rs, "owned");
    f.store(orphan, relabeled, owned);

    f.sync("web");

    Pod adopted = f.client.resource(Pod.class).get(NS, "orphan");
    assertThat(adopted.metadata().controllerRef().map(OwnerReference::uid))
        .as("controller of the matching orphan after sync (adopted)")
        .contains(rs.metadata().uid());
    Pod released = f.client.resource(Pod.class).get(NS, "relabeled");
    assertThat(released.metadata().controllerRef())
        .as("controller of the pod whose labels no longer match (released)").isEmpty();
    assertThat(f.podControl.createCalls())
        .as("creations: the adopted orphan and the owned pod make the 2 replicas").isZero();
    assertThat(f.serverStatus("web").replicas()).as("status.replicas").isEqualTo(2);
  }

  @Test
  @Graded(exercise = "4.1", points = 3)
  void statusCountsReadyAndAvailablePodsWithMinReadySeconds() {
    ReplicaSet rs = f.replicaSet("web", 4, 30);
    f.clock.advance(Duration.ofSeconds(100)); // now = T0 + 100 s
    f.cache(
        ready(f.ownedPod(rs, "available"), T0), // ready 100 s: available
        ready(f.ownedPod(rs, "just-available"), T0.plusSeconds(70)), // ready exactly 30 s
        ready(f.ownedPod(rs, "too-recent"), T0.plusSeconds(71)), // ready 29 s: not yet
        labeled(notReady(f.ownedPod(rs, "not-ready"), T0), Map.of("app", "web", "x", "y")));

    f.sync("web");

    ReplicaSetStatus status = f.serverStatus("web");
    assertThat(status.replicas()).as("status.replicas").isEqualTo(4);
    assertThat(status.fullyLabeledReplicas())
        .as("status.fullyLabeledReplicas (extra labels still count)").isEqualTo(4);
    assertThat(status.readyReplicas()).as("status.readyReplicas").isEqualTo(3);
    assertThat(status.availableReplicas())
        .as("status.availableReplicas: ready for at least minReadySeconds=30").isEqualTo(2);
    assertThat(status.observedGeneration()).as("status.observedGeneration")
        .isEqualTo(rs.metadata().generation());
    assertThat(f.queue.addedAfter())
        .as("a ready pod that is not yet available must bring the ReplicaSet back later")
        .containsEntry("default/web", Duration.ofSeconds(30));
  }

  @Test
  @Graded(exercise = "4.1", points = 2)
  void podEventsWakeTheOwnerOrEveryReplicaSetThatMayAdopt() {
    ReplicaSet web = f.replicaSet("web", 1);
    f.replicaSet("other", 1);

    f.controller.addPod(f.ownedPod(web, "mine"));
    assertThat(f.queue.added()).as("keys enqueued for a new pod owned by web")
        .containsExactly("default/web");

    f.queue.clear();
    f.controller.addPod(pod(NS, "orphan", Map.of("app", "other")));
    assertThat(f.queue.added()).as("keys enqueued for a new orphan labelled app=other")
        .containsExactly("default/other");

    f.queue.clear();
    f.controller.addPod(phase(pod(NS, "stranger", Map.of("app", "nobody")), PodStatus.RUNNING));
    assertThat(f.queue.added()).as("keys enqueued for an orphan no selector matches").isEmpty();
  }
}
