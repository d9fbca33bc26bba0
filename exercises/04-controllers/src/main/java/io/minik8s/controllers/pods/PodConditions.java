package io.minik8s.controllers.pods;

import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pod states controllers count, as upstream's {@code podutil} (pkg/api/v1/pod/util.go) and
 * {@code controller.IsPodActive}.
 */
public final class PodConditions {

  public static final String READY = "Ready";

  private PodConditions() {}

  /** Not finished and not being deleted: it counts towards a controller's replicas. */
  public static boolean isActive(Pod pod) {
    String phase = phase(pod);
    return !PodStatus.SUCCEEDED.equals(phase)
        && !PodStatus.FAILED.equals(phase)
        && pod.metadata().deletionTimestamp() == null;
  }

  public static boolean isTerminal(Pod pod) {
    String phase = phase(pod);
    return PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase);
  }

  /** Its {@code Ready} condition is {@code True}. */
  public static boolean isReady(Pod pod) {
    return readyCondition(pod).map(c -> Condition.TRUE.equals(c.status())).orElse(false);
  }

  /**
   * Ready for at least {@code minReadySeconds} at {@code now} (upstream's
   * {@code IsPodAvailable}); with 0, ready is enough.
   */
  public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds <= 0) {
      return true;
    }
    String since = readyCondition(pod).map(Condition::lastTransitionTime).orElse(null);
    return since != null
        && !Timestamps.parse(since).plusSeconds(minReadySeconds).isAfter(now);
  }

  private static Optional<Condition> readyCondition(Pod pod) {
    List<Condition> conditions = pod.status() == null ? List.of() : pod.status().conditions();
    return Condition.find(conditions, READY);
  }

  private static String phase(Pod pod) {
    return pod.status() == null ? null : pod.status().phase();
  }
}
