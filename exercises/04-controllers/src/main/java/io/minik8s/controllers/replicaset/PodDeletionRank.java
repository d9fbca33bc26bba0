package io.minik8s.controllers.replicaset;

import io.minik8s.controllers.pods.PodConditions;
import io.minik8s.objects.api.core.ContainerStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders pods so that the ones a scale-down should delete first come first: sorting the owned
 * pods with it and taking the first {@code n} picks the {@code n} pods whose loss hurts least
 * (upstream's {@code ActivePodsWithRanks.Less}, pkg/controller/controller_utils.go).
 *
 * <p>The first rule on which two pods differ decides:
 *
 * <ol>
 *   <li>not scheduled ({@code spec.nodeName} empty) before scheduled;
 *   <li>phase {@code Pending} before {@code Unknown} before {@code Running};
 *   <li>not ready before ready;
 *   <li>both ready: ready more recently before ready longer (a pod with no ready time first);
 *   <li>more container restarts before fewer;
 *   <li>created more recently before created earlier (a pod with no creation time first).
 * </ol>
 *
 * Pods equal on every rule compare as 0, so a stable sort keeps their list order. Upstream also
 * ranks pods doubled up on a node and reads a pod-deletion-cost annotation; we leave both out.
 */
public final class PodDeletionRank implements Comparator<Pod> {

  /** Upstream's {@code podPhaseToOrdinal}; any other phase counts as 0, like Pending. */
  private static final Map<String, Integer> PHASE_ORDINAL =
      Map.of(PodStatus.PENDING, 0, PodStatus.UNKNOWN, 1, PodStatus.RUNNING, 2);

  /** Negative when {@code a} should be deleted before {@code b}. */
  @Override
  public int compare(Pod a, Pod b) {
    // BEGIN EXERCISE 4.1 — rank two pods: which one should a scale-down delete first?
    throw new UnsupportedOperationException("TODO exercise 4.1: rank two pods: which one should a scale-down delete first?");
    // END EXERCISE 4.1
  }

  /**
   * Orders two times latest first, a missing time before any time (upstream's
   * {@code afterOrZero}).
   */
  static int newerOrMissingFirst(Instant a, Instant b) {
    if (a == null || b == null) {
      return a == null && b == null ? 0 : (a == null ? -1 : 1);
    }
    return b.compareTo(a);
  }

  static boolean isScheduled(Pod pod) {
    return pod.spec() != null && pod.spec().nodeName() != null && !pod.spec().nodeName().isEmpty();
  }

  static int phaseOrdinal(Pod pod) {
    String phase = pod.status() == null ? null : pod.status().phase();
    return phase == null ? 0 : PHASE_ORDINAL.getOrDefault(phase, 0);
  }

  /** When the pod's Ready condition last changed; null if unknown. */
  static Instant readySince(Pod pod) {
    List<Condition> conditions = pod.status() == null ? List.of() : pod.status().conditions();
    return Condition.find(conditions, PodConditions.READY)
        .map(Condition::lastTransitionTime)
        .map(Timestamps::parse)
        .orElse(null);
  }

  /** The highest restart count among the pod's containers (upstream's maxContainerRestarts). */
  static int maxRestarts(Pod pod) {
    List<ContainerStatus> statuses =
        pod.status() == null ? List.of() : pod.status().containerStatuses();
    return statuses.stream()
        .mapToInt(s -> s.restartCount() == null ? 0 : s.restartCount())
        .max()
        .orElse(0);
  }

  static Instant createdAt(Pod pod) {
    String created = pod.metadata().creationTimestamp();
    return created == null ? null : Timestamps.parse(created);
  }
}
