package io.minik8s.controllers.garbagecollector;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GarbageCollectorHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private FakeKubeClient client;
  private GarbageCollector gc;

  @BeforeEach
  void setUp() {
    var cluster = new FakeCluster(clock, 11);
    client = cluster.client;
    List<SharedIndexInformer<? extends KubeObject>> informers = new ArrayList<>();
    GarbageCollector.KINDS.forEach(kind -> informers.add(cluster.informer(kind)));
    gc = new GarbageCollector(client, informers, clock);
  }

  @Test
  @Graded(exercise = "4.5", points = 2,
      hint = "One live owner is enough to keep an object; a reference to an owner that is gone "
          + "can be dropped from it.")
  void oneLiveOwnerOfTwoKeepsTheObject() {
    ConfigMap live = client.resource(ConfigMap.class).create(
        new ConfigMap(ObjectMeta.named("lab", "live"), Map.of()));
    Pod pod = client.resource(Pod.class).create(pod("p",
        new OwnerReference("v1", "ConfigMap", "live", live.metadata().uid(), false, false,
            Map.of()),
        new OwnerReference("v1", "ConfigMap", "dead", "uid-dead", false, false, Map.of())));
    client.clearActions();

    gc.graph().observe(pod).forEach(gc::sync);

    assertThat(client.actions("delete", "*")).isEmpty();
    assertThat(client.resource(Pod.class).get("lab", "p").metadata().ownerReferences())
        .extracting(OwnerReference::name).containsExactly("live");
  }

  @Test
  @Graded(exercise = "4.5", points = 2,
      hint = "An owner being deleted in the foreground is not a live owner: its dependent must go "
          + "first.")
  void aDependentOfAForegroundDeletedOwnerIsDeleted() {
    ReplicaSet rs = client.resource(ReplicaSet.class).create(new ReplicaSet(
        ObjectMeta.named("lab", "rs").withFinalizers(List.of("foregroundDeletion")),
        new ReplicaSetSpec(1, null, null), null));
    client.resource(ReplicaSet.class).delete("lab", "rs",
        DeleteOptions.propagation(DeleteOptions.FOREGROUND));
    Pod pod = client.resource(Pod.class).create(pod("p", OwnerReference.controllerOf(rs)));
    client.clearActions();

    gc.graph().observe(pod).forEach(gc::sync);

    assertThat(client.actions("delete", "pods")).hasSize(1);
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "With no dependent blocking it (blockOwnerDeletion), a foreground owner's finalizer "
          + "goes at once.")
  void noBlockingDependentMeansTheFinalizerGoesAtOnce() {
    ReplicaSet rs = client.resource(ReplicaSet.class).create(new ReplicaSet(
        ObjectMeta.named("lab", "rs").withFinalizers(List.of("foregroundDeletion")),
        new ReplicaSetSpec(1, null, null), null));
    client.resource(ReplicaSet.class).delete("lab", "rs", null);
    client.clearActions();

    gc.graph().observe(client.resource(ReplicaSet.class).get("lab", "rs")).forEach(gc::sync);

    assertThat(client.actions("update", "replicasets")).hasSize(1);
    assertThat(client.actions("update", "replicasets").get(0).object().metadata().finalizers())
        .doesNotContain("foregroundDeletion");
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "A blocking dependent that is already being deleted is not deleted again, yet it "
          + "still blocks its owner until it is really gone.")
  void aBlockingDependentOnItsWayOutStillBlocks() {
    ReplicaSet rs = client.resource(ReplicaSet.class).create(new ReplicaSet(
        ObjectMeta.named("lab", "rs").withFinalizers(List.of("foregroundDeletion")),
        new ReplicaSetSpec(1, null, null), null));
    client.resource(Pod.class).create(pod("slow", OwnerReference.controllerOf(rs))
        .withMetadata(ObjectMeta.named("lab", "slow")
            .withOwnerReferences(List.of(OwnerReference.controllerOf(rs)))
            .withFinalizers(List.of("example.com/drain"))));
    client.resource(Pod.class).delete("lab", "slow", null); // marked, kept by its finalizer
    client.resource(ReplicaSet.class).delete("lab", "rs", null);
    gc.graph().observe(client.resource(Pod.class).get("lab", "slow"));
    client.clearActions();

    gc.graph().observe(client.resource(ReplicaSet.class).get("lab", "rs")).forEach(gc::sync);

    assertThat(client.actions("delete", "pods")).isEmpty();
    assertThat(client.actions("update", "replicasets")).isEmpty();
  }

  private static Pod pod(String name, OwnerReference... owners) {
    return new Pod(ObjectMeta.named("lab", name).withOwnerReferences(List.of(owners)),
        PodSpec.of(List.of(Container.of("c", "i"))), null);
  }
}
