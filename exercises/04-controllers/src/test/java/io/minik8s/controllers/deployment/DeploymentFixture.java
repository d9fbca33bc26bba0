package io.minik8s.controllers.deployment;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.Action;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.controllers.testing.RecordingQueue;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.DeploymentStrategy;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetStatus;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A Deployment controller on a {@link FakeCluster} (informers that are never started),
 * and a stand-in for the ReplicaSet controller and the kubelets: {@link #runReplicaSets(boolean)}
 * makes each ReplicaSet's status match its spec, with the new pods ready or not. Tests drive a
 * rollout step by step: {@code sync(); runReplicaSets(true); sync(); ...}. Before each sync the
 * caches catch up with the client (what the informers would have done meanwhile).
 */
final class DeploymentFixture {

  static final String NS = "default";
  static final String NAME = "web";
  static final String KEY = NS + "/" + NAME;

  final FakeCluster cluster = new FakeCluster();
  final ManualClock clock = cluster.clock;
  final FakeKubeClient client = cluster.client;
  final SharedIndexInformer<Deployment> deployments = cluster.informer(Deployment.class);
  final SharedIndexInformer<ReplicaSet> replicaSets = cluster.informer(ReplicaSet.class);
  final SharedIndexInformer<Pod> pods = cluster.informer(Pod.class);
  final RecordingQueue queue = new RecordingQueue();
  final DeploymentController controller =
      new DeploymentController(client, deployments, replicaSets, pods, clock, queue);

  /** A Deployment "web" of {@code replicas} pods running {@code image}, with {@code strategy}. */
  static Deployment deployment(int replicas, String image, DeploymentStrategy strategy) {
    Map<String, String> labels = Map.of("app", NAME);
    PodTemplateSpec template = new PodTemplateSpec(
        ObjectMeta.named(null, null).withLabels(labels),
        PodSpec.of(List.of(Container.of("main", image))));
    DeploymentSpec spec = new DeploymentSpec(replicas, LabelSelector.of(labels), template)
        .withStrategy(strategy);
    return new Deployment(ObjectMeta.named(NS, NAME).withGeneration(1L), spec, null);
  }

  static DeploymentStrategy rolling(Object maxSurge, Object maxUnavailable) {
    return DeploymentStrategy.rollingUpdate(intOrString(maxUnavailable), intOrString(maxSurge));
  }

  static IntOrString intOrString(Object value) {
    return value instanceof Integer i ? IntOrString.of(i) : IntOrString.of((String) value);
  }

  Deployment create(Deployment d) {
    return put(d);
  }

  /** Stores a new object as if created (not logged as an action) and returns it as stored. */
  <T extends KubeObject> T put(T object) {
    client.addObjects(object);
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) object.getClass();
    return get(type, object.metadata().name());
  }

  <T extends KubeObject> T get(Class<T> type, String name) {
    return list(type).stream().filter(o -> o.metadata().name().equals(name)).findFirst()
        .orElse(null);
  }

  <T extends KubeObject> List<T> list(Class<T> type) {
    return client.resource(type).list(NS, ListOptions.ALL).items();
  }

  /** The writes the controller made: creates, updates (status too), patches and deletes. */
  List<Action> writes() {
    return client.actions().stream()
        .filter(a -> !a.verb().equals("get") && !a.verb().equals("list"))
        .toList();
  }

  /** The informers' caches catch up with the client. */
  void catchUp() {
    cluster.catchUp(Deployment.class);
    cluster.catchUp(ReplicaSet.class);
    cluster.catchUp(Pod.class);
  }

  void sync() throws Exception {
    catchUp();
    controller.sync(KEY);
  }

  /** {@code rollout undo}: the controller's rollback, on caches that have caught up. */
  Deployment rollbackTo(long revision) {
    catchUp();
    return controller.rollbackTo(deployment(), revision);
  }

  Deployment deployment() {
    return get(Deployment.class, NAME);
  }

  /** The Deployment's ReplicaSets, lowest revision first. */
  List<ReplicaSet> replicaSets() {
    return list(ReplicaSet.class).stream()
        .sorted(Comparator.comparingLong(Deployments::revision)).toList();
  }

  /** Sets a ReplicaSet's status, as its controller would. */
  void setStatus(String name, ReplicaSetStatus status) {
    ReplicaSet rs = get(ReplicaSet.class, name);
    client.resource(ReplicaSet.class).updateStatus(rs.withStatus(status));
  }

  ReplicaSet newest() {
    List<ReplicaSet> sets = replicaSets();
    return sets.get(sets.size() - 1);
  }

  /** A new template: the user edits the image (as {@code kubectl set image}). */
  Deployment setImage(String image) {
    Deployment d = deployment();
    PodTemplateSpec t = d.spec().template();
    PodTemplateSpec changed = new PodTemplateSpec(t.metadata(),
        PodSpec.of(List.of(Container.of("main", image))));
    return client.resource(Deployment.class).update(d.withSpec(d.spec().withTemplate(changed)));
  }

  Deployment update(java.util.function.UnaryOperator<DeploymentSpec> change) {
    Deployment d = deployment();
    return client.resource(Deployment.class).update(d.withSpec(change.apply(d.spec())));
  }

  /**
   * What the ReplicaSet controller and the kubelets would do: every ReplicaSet gets as many pods
   * as its spec asks (deleting not-available ones first); new pods are available only if
   * {@code ready}. A second passes meanwhile, so ReplicaSets created in later syncs are younger.
   */
  void runReplicaSets(boolean ready) {
    clock.advanceSeconds(1);
    for (ReplicaSet rs : list(ReplicaSet.class)) {
      int spec = Deployments.specReplicas(rs);
      int available = Math.min(Deployments.availableReplicas(rs), spec);
      if (ready) {
        available = spec;
      }
      Long generation = rs.metadata().generation();
      client.resource(ReplicaSet.class)
          .updateStatus(rs.withStatus(new ReplicaSetStatus(spec, available, available, generation)));
    }
  }

  /** Pods existing across all ReplicaSets (as the simulated ReplicaSet controller keeps them). */
  int totalPods() {
    return list(ReplicaSet.class).stream().mapToInt(Deployments::statusReplicas).sum();
  }

  int availablePods() {
    return list(ReplicaSet.class).stream().mapToInt(Deployments::availableReplicas).sum();
  }
}
