package io.minik8s.controllers.replicaset;

import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.controllers.testing.RecordingPodControl;
import io.minik8s.controllers.testing.RecordingQueue;
import io.minik8s.controllers.testing.TestPods;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.apps.ReplicaSetStatus;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ReplicaSet controller with everything around it faked and nothing running: caches the test
 * fills, a recording PodControl, a recording queue, an in-memory server for status writes and
 * ownership patches, a manual clock. Tests call {@code controller.sync(key)} and the handler
 * methods directly.
 */
final class ReplicaSetFixture {

  static final String NS = "default";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Informers on the fake client, never started: the tests fill their caches by hand. */
  final FakeCluster cluster = new FakeCluster(new ManualClock(T0), 42);
  final ManualClock clock = cluster.clock;
  final FakeKubeClient client = cluster.client;
  final SharedIndexInformer<ReplicaSet> rsCache = cluster.informer(ReplicaSet.class);
  final SharedIndexInformer<Pod> podCache = cluster.informer(Pod.class);
  final RecordingPodControl podControl = new RecordingPodControl();
  final RecordingQueue queue = new RecordingQueue();
  final ReplicaSetController controller =
      new ReplicaSetController(client, rsCache, podCache, podControl, clock, queue, Runnable::run);

  /** A ReplicaSet selecting {@code app=<name>}, stored in the server and in the cache. */
  ReplicaSet replicaSet(String name, int replicas) {
    return replicaSet(name, replicas, 0);
  }

  ReplicaSet replicaSet(String name, int replicas, int minReadySeconds) {
    Map<String, String> labels = Map.of("app", name);
    PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named(null).withLabels(labels),
        PodSpec.of(List.of(Container.of("main", "minik8s/web:1"))));
    return replicaSet(new ReplicaSet(ObjectMeta.named(NS, name),
        new ReplicaSetSpec(replicas, minReadySeconds, LabelSelector.of(labels), template, Map.of()),
        null));
  }

  /** Stores a ReplicaSet in the server and in the cache; returns it as stored. */
  ReplicaSet replicaSet(ReplicaSet rs) {
    client.addObjects(rs);
    return refresh(rs.metadata().name());
  }

  /** Copies the server's current ReplicaSet into the cache (as the informer would). */
  ReplicaSet refresh(String name) {
    ReplicaSet stored = client.resource(ReplicaSet.class).get(NS, name);
    rsCache.indexer().update(stored);
    return stored;
  }

  /** Changes {@code spec.replicas} on the server and in the cache. */
  ReplicaSet scale(String name, int replicas) {
    ReplicaSet current = client.resource(ReplicaSet.class).get(NS, name);
    client.resource(ReplicaSet.class)
        .update(current.withSpec(current.spec().withReplicas(replicas)));
    return refresh(name);
  }

  /** A Running, Ready, scheduled pod of {@code owner} carrying its template labels. */
  Pod ownedPod(ReplicaSet owner, String name) {
    Pod pod = TestPods.pod(NS, name, owner.spec().template().labels());
    return TestPods.ready(TestPods.scheduled(TestPods.ownedBy(pod, owner), "node-1"), T0);
  }

  /** Puts pods in the pod cache only. */
  void cache(Pod... pods) {
    for (Pod pod : pods) {
      podCache.indexer().update(pod);
    }
  }

  /** Puts pods in the server and in the cache (needed when the controller will patch them). */
  List<Pod> store(Pod... pods) {
    for (Pod pod : pods) {
      client.addObjects(pod.withMetadata(pod.metadata().withResourceVersion(null)));
    }
    List<Pod> stored = java.util.Arrays.stream(pods)
        .map(p -> client.resource(Pod.class).get(NS, p.metadata().name()))
        .toList();
    stored.forEach(p -> podCache.indexer().update(p));
    client.clearActions();
    return stored;
  }

  /** Caches the pods the recording PodControl created, as the informer eventually would. */
  List<Pod> cacheCreated() {
    List<Pod> created = podControl.created();
    created.forEach(p -> podCache.indexer().update(p));
    return created;
  }

  /**
   * Syncs the ReplicaSet, then lets the ReplicaSet cache catch up with the status the sync wrote
   * (the pod cache is left alone: its lag is what the tests are about).
   */
  void sync(String name) {
    try {
      controller.sync(Keys.of(NS, name));
    } finally {
      if (rsCache.lister().get(NS, name).isPresent()) {
        refresh(name);
      }
    }
  }

  ReplicaSetStatus serverStatus(String name) {
    return client.resource(ReplicaSet.class).get(NS, name).status();
  }

  int statusWrites() {
    return client.actions("update", "replicasets/status").size();
  }
}
