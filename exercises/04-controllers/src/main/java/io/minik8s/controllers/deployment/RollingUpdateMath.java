package io.minik8s.controllers.deployment;

import io.minik8s.objects.api.IntOrString;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a rolling update, on plain numbers: no client, no cache, no clock. Every
 * decision the Deployment controller takes about "how many" is one of these functions; the
 * controller only gathers the inputs from its ReplicaSets and applies the answers.
 *
 * <p>Upstream: {@code ResolveFenceposts}, {@code NewRSNewReplicas}, {@code MaxUnavailable} in
 * pkg/controller/deployment/util/deployment_util.go, and the scale-down loops of
 * pkg/controller/deployment/rolling.go.
 */
/*
 * A worked example, the one the tests redraw. replicas 10, maxSurge 25%, maxUnavailable 25%:
 *
 *   maxSurge       = ceil(10 * 25 / 100)  = ceil(2.5)  = 3    (surge rounds UP)
 *   maxUnavailable = floor(10 * 25 / 100) = floor(2.5) = 2    (unavailable rounds DOWN)
 *   at most 10 + 3 = 13 pods exist, at least 10 - 2 = 8 are available, at every moment.
 *
 * Rounding surge up and unavailability down keeps both bounds on the safe side of the user's
 * percentage. With both at 0 no pod could ever be replaced, so maxUnavailable becomes 1.
 */
public final class RollingUpdateMath {

  private RollingUpdateMath() {}

  /** The two bounds of a rolling update, as absolute pod counts. */
  public record Fenceposts(int maxSurge, int maxUnavailable) {}

  /**
   * Resolves {@code maxSurge} (rounded up) and {@code maxUnavailable} (rounded down) against
   * {@code desired} replicas; if both come out 0, {@code maxUnavailable} is 1 so the rollout can
   * move. A null bound means the default, 25%.
   *
   * @throws IllegalArgumentException if a bound is a string that is not a percentage
   */
  public static Fenceposts resolveFenceposts(
      IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
    // BEGIN EXERCISE 4.2 — resolve maxSurge and maxUnavailable against the desired replicas
    throw new UnsupportedOperationException("TODO exercise 4.2: resolve maxSurge and maxUnavailable against the desired replicas");
    // END EXERCISE 4.2
  }

  /**
   * The size the new ReplicaSet may grow to now: up to {@code desired + maxSurge} pods in total
   * across all ReplicaSets, and never beyond {@code desired} in the new one. {@code
   * currentPodCount} is the sum of {@code spec.replicas} of all the Deployment's ReplicaSets
   * (the new one included), because pods asked for count even before they exist.
   */
  public static int newReplicaSetReplicas(
      int desired, int maxSurge, int currentPodCount, int newReplicaSetReplicas) {
    // BEGIN EXERCISE 4.2 — how far to scale up the new ReplicaSet
    throw new UnsupportedOperationException("TODO exercise 4.2: how far to scale up the new ReplicaSet");
    // END EXERCISE 4.2
  }

  /**
   * How many old pods may go at most in this sync, before looking at which: everything above the
   * minimum available ({@code desired - maxUnavailable}), less the new ReplicaSet's pods that are
   * not available yet (they may never be: counting them as available would let a crash-looping
   * rollout eat the old, healthy pods). Never negative.
   */
  public static int maxScaledDown(
      int allPodsCount, int desired, int maxUnavailable, int newReplicas, int newAvailable) {
    // BEGIN EXERCISE 4.2 — how many old pods may go in this sync at most
    throw new UnsupportedOperationException("TODO exercise 4.2: how many old pods may go in this sync at most");
    // END EXERCISE 4.2
  }

  /**
   * Step one of scaling old ReplicaSets down: remove their unhealthy (not available) pods, which
   * costs no availability, oldest ReplicaSet first, at most {@code budget} in total.
   *
   * @param olds the old ReplicaSets, oldest first
   * @return the new {@code spec.replicas} of each, in the same order
   */
  public static List<Integer> cleanupUnhealthy(List<Scale> olds, int budget) {
    List<Integer> sizes = new ArrayList<>();
    int removed = 0;
    for (Scale rs : olds) {
      int unhealthy = Math.max(0, rs.replicas() - rs.available());
      int remove = Math.min(unhealthy, Math.max(0, budget - removed));
      sizes.add(rs.replicas() - remove);
      removed += remove;
    }
    return sizes;
  }

  /**
   * Step two: scale old ReplicaSets down by as many available pods as exceed the minimum
   * ({@code availablePods - (desired - maxUnavailable)}), oldest ReplicaSet first, each to no
   * less than 0.
   *
   * @param oldReplicas {@code spec.replicas} of each old ReplicaSet, oldest first
   * @param availablePods available pods across all ReplicaSets, the new one included
   * @return the new {@code spec.replicas} of each, in the same order
   */
  public static List<Integer> scaleDownOld(
      List<Integer> oldReplicas, int desired, int maxUnavailable, int availablePods) {
    // BEGIN EXERCISE 4.2 — how far to scale down old ReplicaSets, oldest first
    throw new UnsupportedOperationException("TODO exercise 4.2: how far to scale down old ReplicaSets, oldest first");
    // END EXERCISE 4.2
  }

  /** An old ReplicaSet's desired and available pods, the inputs of {@link #cleanupUnhealthy}. */
  public record Scale(int replicas, int available) {}

  /**
   * Proportional scaling: when a Deployment is resized while several ReplicaSets are active
   * (mid-rollout or paused), each gets a share of the change proportional to its size. Returns
   * the new sizes in the order given (callers pass them largest first when growing, so the
   * rounding leftover lands on the largest; upstream's {@code scale} in sync.go).
   *
   * @param sizes {@code spec.replicas} of each active ReplicaSet
   * @param toAdd pods to add (negative: to remove) across all of them
   */
  public static List<Integer> proportionalSizes(List<Integer> sizes, int toAdd) {
    int total = sizes.stream().mapToInt(Integer::intValue).sum();
    List<Integer> result = new ArrayList<>();
    int added = 0;
    for (int size : sizes) {
      int share = total == 0 ? 0 : Math.round((float) size * toAdd / total);
      // never hand out more than what is left, in either direction
      share = toAdd > 0 ? Math.min(share, toAdd - added) : Math.max(share, toAdd - added);
      result.add(size + share);
      added += share;
    }
    if (!result.isEmpty()) {
      result.set(0, Math.max(0, result.get(0) + toAdd - added));
    }
    return result;
  }
}
