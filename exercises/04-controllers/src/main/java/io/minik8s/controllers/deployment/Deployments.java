package io.minik8s.controllers.deployment;

import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentStrategy;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading Deployments and their ReplicaSets: the spec with the API server's defaults filled in,
 * the revision annotations, template comparison that ignores the hash label, and sums over
 * ReplicaSets. Upstream: pkg/controller/deployment/util/deployment_util.go.
 */
final class Deployments {

  /** The revision of a ReplicaSet (and, copied, of its Deployment): 1, 2, 3... */
  static final String REVISION = "deployment.kubernetes.io/revision";
  /** Revisions a ReplicaSet served before it became new again (after a rollback): "1,3". */
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  /** The Deployment's replicas when the ReplicaSet was last scaled: tells scaling from rollout. */
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  /** {@code replicas + maxSurge} when the ReplicaSet was last scaled. */
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  /** Upstream's "no deadline" and "keep everything": MaxInt32. */
  static final int UNLIMITED = Integer.MAX_VALUE;

  private Deployments() {}

  // --- the spec, with the defaults the API server would have filled in ---

  static int replicas(Deployment d) {
    Integer replicas = d.spec().replicas();
    return replicas == null ? 1 : replicas;
  }

  static boolean isRecreate(Deployment d) {
    DeploymentStrategy strategy = d.spec().strategy();
    return strategy != null && DeploymentStrategy.RECREATE.equals(strategy.type());
  }

  static boolean isPaused(Deployment d) {
    return Boolean.TRUE.equals(d.spec().paused());
  }

  static int revisionHistoryLimit(Deployment d) {
    Integer limit = d.spec().revisionHistoryLimit();
    return limit == null ? 10 : limit;
  }

  static int minReadySeconds(Deployment d) {
    Integer seconds = d.spec().minReadySeconds();
    return seconds == null ? 0 : seconds;
  }

  /** Upstream's {@code HasProgressDeadline}: unset means the default 600 s. */
  static boolean hasProgressDeadline(Deployment d) {
    return progressDeadlineSeconds(d) != UNLIMITED;
  }

  static int progressDeadlineSeconds(Deployment d) {
    Integer seconds = d.spec().progressDeadlineSeconds();
    return seconds == null ? 600 : seconds;
  }

  static long generation(Deployment d) {
    Long generation = d.metadata().generation();
    return generation == null ? 0 : generation;
  }

  /** maxSurge and maxUnavailable as pod counts; both 0 for Recreate. */
  static RollingUpdateMath.Fenceposts fenceposts(Deployment d) {
    if (isRecreate(d)) {
      return new RollingUpdateMath.Fenceposts(0, 0);
    }
    DeploymentStrategy strategy = d.spec().strategy();
    DeploymentStrategy.RollingUpdate rolling = strategy == null ? null : strategy.rollingUpdate();
    return RollingUpdateMath.resolveFenceposts(
        rolling == null ? null : rolling.maxSurge(),
        rolling == null ? null : rolling.maxUnavailable(),
        replicas(d));
  }

  static int maxSurge(Deployment d) {
    return fenceposts(d).maxSurge();
  }

  /** Upstream's {@code MaxUnavailable}: 0 for Recreate or 0 replicas, never above replicas. */
  static int maxUnavailable(Deployment d) {
    if (isRecreate(d) || replicas(d) == 0) {
      return 0;
    }
    return Math.min(fenceposts(d).maxUnavailable(), replicas(d));
  }

  // --- ReplicaSets ---

  static int specReplicas(ReplicaSet rs) {
    Integer replicas = rs.spec().replicas();
    return replicas == null ? 1 : replicas;
  }

  static int statusReplicas(ReplicaSet rs) {
    return rs.status() == null || rs.status().replicas() == null ? 0 : rs.status().replicas();
  }

  static int readyReplicas(ReplicaSet rs) {
    return rs.status() == null || rs.status().readyReplicas() == null
        ? 0 : rs.status().readyReplicas();
  }

  static int availableReplicas(ReplicaSet rs) {
    return rs.status() == null || rs.status().availableReplicas() == null
        ? 0 : rs.status().availableReplicas();
  }

  static boolean isActive(ReplicaSet rs) {
    return specReplicas(rs) > 0;
  }

  /** Sum of {@code spec.replicas}: the pods asked for, existing or not. */
  static int sumSpec(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(Deployments::specReplicas).sum();
  }

  static int sumStatus(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(Deployments::statusReplicas).sum();
  }

  static int sumReady(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(Deployments::readyReplicas).sum();
  }

  static int sumAvailable(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(Deployments::availableReplicas).sum();
  }

  /** Oldest first; ties by name, so the order is the same on every run. */
  static final Comparator<ReplicaSet> BY_CREATION = Comparator
      .comparing((ReplicaSet rs) -> Objects.requireNonNullElse(
          rs.metadata().creationTimestamp(), ""))
      .thenComparing(rs -> rs.metadata().name());

  /** Lowest revision first, then oldest (upstream's {@code ReplicaSetsByRevision}). */
  static final Comparator<ReplicaSet> BY_REVISION =
      Comparator.comparingLong(Deployments::revision).thenComparing(BY_CREATION);

  // --- revisions ---

  /** The revision annotation as a number; 0 when missing or not a number (upstream skips it). */
  static long revision(ReplicaSet rs) {
    String value = rs.metadata().annotations().get(REVISION);
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static long maxRevision(List<ReplicaSet> sets) {
    return sets.stream().mapToLong(Deployments::revision).max().orElse(0);
  }

  // --- templates ---

  /** The template without the {@code pod-template-hash} label. */
  static PodTemplateSpec withoutHash(PodTemplateSpec template) {
    ObjectMeta meta = template.metadata() == null ? ObjectMeta.EMPTY : template.metadata();
    Map<String, String> labels = new HashMap<>(meta.labels());
    labels.remove(PodTemplateHash.LABEL);
    return new PodTemplateSpec(meta.withLabels(labels), template.spec(), template.unknownFields());
  }

  /**
   * Whether two templates are the same but for the hash label (upstream's
   * {@code EqualIgnoreHash}). Compared as JSON, the form they are stored in.
   */
  static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
    return Codec.toTree(withoutHash(a)).equals(Codec.toTree(withoutHash(b)));
  }
}
