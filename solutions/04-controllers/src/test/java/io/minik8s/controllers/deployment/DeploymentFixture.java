package io.minik8s.controllers.deployment;

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
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A Deployment controller on a {@link TinyCluster}, and a stand-in for the ReplicaSet controller
 * and the kubelets: {@link #runReplicaSets(boolean)} makes each ReplicaSet's status match its
 * spec, with the new pods ready or not. Tests drive a rollout step by step:
 * {@code sync(); runReplicaSets(true); sync(); ...}.
 */
final class DeploymentFixture {

  static final String NS = "default";
  static final String NAME = "web";
  static final String KEY = NS + "/" + NAME;

  final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  final TinyCluster cluster = new TinyCluster();
  final TinyCluster.Informer<Deployment> deployments = cluster.informer(Deployment.class);
  final TinyCluster.Informer<ReplicaSet> replicaSets = cluster.informer(ReplicaSet.class);
  final TinyCluster.Informer<Pod> pods = cluster.informer(Pod.class);
  final RecordingQueue queue = new RecordingQueue();
  final DeploymentController controller =
      new DeploymentController(cluster, deployments, replicaSets, pods, clock, queue);

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
    return cluster.put(d);
  }

  void sync() throws Exception {
    controller.sync(KEY);
  }

  Deployment deployment() {
    return cluster.get(Deployment.class, NS, NAME);
  }

  /** The Deployment's ReplicaSets, lowest revision first. */
  List<ReplicaSet> replicaSets() {
    return cluster.list(ReplicaSet.class).stream()
        .sorted(Comparator.comparingLong(Deployments::revision)).toList();
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
    return cluster.resource(Deployment.class).update(d.withSpec(d.spec().withTemplate(changed)));
  }

  Deployment update(java.util.function.UnaryOperator<DeploymentSpec> change) {
    Deployment d = deployment();
    return cluster.resource(Deployment.class).update(d.withSpec(change.apply(d.spec())));
  }

  /**
   * What the ReplicaSet controller and the kubelets would do: every ReplicaSet gets as many pods
   * as its spec asks (deleting not-available ones first); new pods are available only if
   * {@code ready}.
   */
  void runReplicaSets(boolean ready) {
    for (ReplicaSet rs : cluster.list(ReplicaSet.class)) {
      int spec = Deployments.specReplicas(rs);
      int available = Math.min(Deployments.availableReplicas(rs), spec);
      if (ready) {
        available = spec;
      }
      Long generation = rs.metadata().generation();
      cluster.put(rs.withStatus(new ReplicaSetStatus(spec, available, available, generation)));
    }
  }

  /** Pods existing across all ReplicaSets (as the simulated ReplicaSet controller keeps them). */
  int totalPods() {
    return cluster.list(ReplicaSet.class).stream().mapToInt(Deployments::statusReplicas).sum();
  }

  int availablePods() {
    return cluster.list(ReplicaSet.class).stream().mapToInt(Deployments::availableReplicas).sum();
  }
}
