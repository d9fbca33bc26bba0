package io.minik8s.controllers.garbagecollector;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.Action;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
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

/**
 * The garbage collector on a fake client. The informers are not started: each test tells the
 * dependency graph what the informers would have seen ({@code observe}/{@code forget}) and calls
 * {@code sync(uid)} for the uids the graph hands back.
 */
class GarbageCollectorTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private FakeKubeClient client;
  private GarbageCollector gc;

  @BeforeEach
  void setUp() {
    var cluster = new FakeCluster(clock, 42);
    client = cluster.client;
    List<SharedIndexInformer<? extends KubeObject>> informers = new ArrayList<>();
    GarbageCollector.KINDS.forEach(kind -> informers.add(cluster.informer(kind)));
    gc = new GarbageCollector(client, informers, clock);
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void aDependentWhoseOwnerIsGoneIsDeletedInTheBackground() {
    ReplicaSet rs = create(replicaSet("web", List.of()));
    Pod pod = create(pod("web-1", OwnerReference.controllerOf(rs)));
    client.resource(ReplicaSet.class).delete("shop", "web", null); // the owner goes
    client.clearActions();

    observeAndSync(pod);

    List<Action> deletes = client.actions("delete", "pods");
    assertThat(deletes).as("pod web-1's only owner is gone: one delete").hasSize(1);
    assertThat(deletes.get(0).name()).isEqualTo("web-1");
    assertThat(client.resource(Pod.class).list("shop", ListOptions.ALL).items()).isEmpty();
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void aDependentWithALiveOwnerIsKept() {
    ReplicaSet rs = create(replicaSet("web", List.of()));
    Pod pod = create(pod("web-1", OwnerReference.controllerOf(rs)));
    client.clearActions();

    observeAndSync(pod);

    assertThat(client.actions("delete", "*")).as("the owner lives: nothing deleted").isEmpty();
    assertThat(client.actions("get", "replicasets"))
        .as("the owner is checked with the API server, not only the cache").isNotEmpty();
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void anOwnerOfTheSameNameWithAnotherUidIsNotTheOwner() {
    ReplicaSet old = create(replicaSet("web", List.of()));
    Pod pod = create(pod("web-1", OwnerReference.controllerOf(old)));
    client.resource(ReplicaSet.class).delete("shop", "web", null);
    create(replicaSet("web", List.of())); // a namesake, with a new uid
    client.clearActions();

    observeAndSync(pod);

    assertThat(client.actions("delete", "pods"))
        .as("replicaset web exists but with another uid: pod web-1's owner is gone").hasSize(1);
  }

  @Test
  @Graded(exercise = "4.5", points = 2)
  void foregroundDeletesDependentsBlockingOnesFirstThenRemovesTheFinalizer() {
    Deployment deploy = create(new Deployment(ObjectMeta.named("shop", "web")
        .withFinalizers(List.of(DependencyGraph.FOREGROUND)), new DeploymentSpec(1, null, null),
        null));
    OwnerReference nonBlocking = new OwnerReference("apps/v1", "Deployment", "web",
        deploy.metadata().uid(), false, false, Map.of());
    ReplicaSet loose = create(replicaSet("web-loose", List.of(nonBlocking)));
    ReplicaSet blocking = create(replicaSet("web-blocking",
        List.of(OwnerReference.controllerOf(deploy))));
    client.resource(Deployment.class).delete("shop", "web",
        DeleteOptions.propagation(DeleteOptions.FOREGROUND)); // marked: the finalizer keeps it
    Deployment marked = client.resource(Deployment.class).get("shop", "web");
    gc.graph().observe(loose);
    gc.graph().observe(blocking);
    client.clearActions();

    for (String uid : gc.graph().observe(marked)) {
      gc.sync(uid);
    }

    assertThat(client.actions("delete", "replicasets").stream().map(Action::name).toList())
        .as("both dependents deleted, the blocking one (blockOwnerDeletion) first")
        .containsExactly("web-blocking", "web-loose");
    assertThat(client.resource(Deployment.class).get("shop", "web").metadata().finalizers())
        .as("dependents were still there: the owner keeps foregroundDeletion")
        .contains(DependencyGraph.FOREGROUND);

    List<String> next = new ArrayList<>(gc.graph().forget(loose));
    next.addAll(gc.graph().forget(blocking));
    assertThat(next).as("a dependent's deletion brings its waiting owner back")
        .contains(marked.metadata().uid());
    for (String uid : next) {
      gc.sync(uid);
    }
    assertThat(client.resource(Deployment.class).list("shop", ListOptions.ALL).items())
        .as("no blocking dependent left: finalizer removed, the deployment is gone").isEmpty();
  }

  @Test
  @Graded(exercise = "4.5", points = 2)
  void orphanReleasesTheDependentsThenRemovesTheFinalizer() {
    ReplicaSet rs = create(replicaSet("web", List.of())
        .withMetadata(ObjectMeta.named("shop", "web").withFinalizers(
            List.of(DependencyGraph.ORPHAN))));
    OwnerReference other = new OwnerReference("v1", "ConfigMap", "keeper", "uid-keeper", false,
        false, Map.of());
    Pod p1 = create(pod("web-1", OwnerReference.controllerOf(rs)));
    Pod p2 = create(pod("web-2", OwnerReference.controllerOf(rs), other));
    client.resource(ReplicaSet.class).delete("shop", "web",
        DeleteOptions.propagation(DeleteOptions.ORPHAN));
    gc.graph().observe(p1);
    gc.graph().observe(p2);
    client.clearActions();

    for (String uid : gc.graph().observe(client.resource(ReplicaSet.class).get("shop", "web"))) {
      gc.sync(uid);
    }

    assertThat(client.actions("delete", "pods")).as("orphaned pods are not deleted").isEmpty();
    assertThat(client.resource(Pod.class).get("shop", "web-1").metadata().ownerReferences())
        .as("web-1 no longer names replicaset web").isEmpty();
    assertThat(client.resource(Pod.class).get("shop", "web-2").metadata().ownerReferences())
        .as("web-2 keeps its other owner").containsExactly(other);
    assertThat(client.resource(ReplicaSet.class).list("shop", ListOptions.ALL).items())
        .as("the orphan finalizer removed: replicaset web is gone").isEmpty();
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private void observeAndSync(KubeObject object) {
    List<String> uids = gc.graph().observe(object);
    assertThat(uids).as("a new object with owners is looked at")
        .contains(object.metadata().uid());
    for (String uid : uids) {
      gc.sync(uid);
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends KubeObject> T create(T object) {
    return client.resource((Class<T>) object.getClass()).create(object);
  }

  static ReplicaSet replicaSet(String name, List<OwnerReference> owners) {
    return new ReplicaSet(ObjectMeta.named("shop", name).withOwnerReferences(owners),
        new ReplicaSetSpec(1, null, null), null);
  }

  static Pod pod(String name, OwnerReference... owners) {
    return new Pod(ObjectMeta.named("shop", name).withOwnerReferences(List.of(owners)),
        PodSpec.of(List.of(Container.of("c", "i"))), null);
  }
}
