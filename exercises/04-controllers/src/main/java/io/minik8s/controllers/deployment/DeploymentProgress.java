package io.minik8s.controllers.deployment;

import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentStatus;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Deployment's status and its two conditions, computed from its ReplicaSets: pure functions of
 * the Deployment, the ReplicaSets and the time. Upstream: {@code calculateStatus} in
 * pkg/controller/deployment/sync.go, {@code syncRolloutStatus} in progress.go, and the condition
 * helpers of util/deployment_util.go.
 *
 * <pre>
 *   condition    status   reason                       when
 *   Available    True     MinimumReplicasAvailable     available >= replicas - maxUnavailable
 *   Available    False    MinimumReplicasUnavailable   otherwise
 *   Progressing  True     NewReplicaSetCreated         the controller created the new ReplicaSet
 *   Progressing  True     FoundNewReplicaSet           it found one (no condition before)
 *   Progressing  True     ReplicaSetUpdated            pods moved on since the last status
 *   Progressing  True     NewReplicaSetAvailable       the rollout is complete
 *   Progressing  False    ProgressDeadlineExceeded     lastUpdateTime + deadline passed
 *   Progressing  Unknown  DeploymentPaused / Resumed   spec.paused set / cleared
 * </pre>
 *
 * {@code lastUpdateTime} moves whenever the condition is re-asserted with progress;
 * {@code lastTransitionTime} only when its status changes. The deadline counts from the former.
 */
public final class DeploymentProgress {

  public static final String AVAILABLE = "Available";
  public static final String PROGRESSING = "Progressing";

  public static final String NEW_RS_CREATED = "NewReplicaSetCreated";
  public static final String FOUND_NEW_RS = "FoundNewReplicaSet";
  public static final String RS_UPDATED = "ReplicaSetUpdated";
  public static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
  public static final String TIMED_OUT = "ProgressDeadlineExceeded";
  public static final String PAUSED = "DeploymentPaused";
  public static final String RESUMED = "DeploymentResumed";
  public static final String MIN_AVAILABLE = "MinimumReplicasAvailable";
  public static final String MIN_UNAVAILABLE = "MinimumReplicasUnavailable";

  private DeploymentProgress() {}

  /** A condition stamped {@code now} for both its update and transition times. */
  public static Condition condition(
      String type, String status, String reason, String message, Instant now) {
    String time = Timestamps.format(now);
    return new Condition(type, status, null, null, null, time, time, reason, message, Map.of());
  }

  public static Optional<Condition> find(DeploymentStatus status, String type) {
    return status == null ? Optional.empty() : Condition.find(status.conditions(), type);
  }

  /**
   * Upstream's {@code SetDeploymentCondition}: unchanged if a condition of that type already has
   * the same status and reason; keeps the old {@code lastTransitionTime} if only the reason
   * changed; the condition moves to the end of the list.
   */
  public static List<Condition> set(List<Condition> conditions, Condition condition) {
    Optional<Condition> current = Condition.find(conditions, condition.type());
    if (current.isPresent() && current.get().status().equals(condition.status())
        && current.get().reason().equals(condition.reason())) {
      return conditions;
    }
    Condition toAdd = condition;
    if (current.isPresent() && current.get().status().equals(condition.status())) {
      toAdd = withTransitionTime(condition, current.get().lastTransitionTime());
    }
    List<Condition> result = new ArrayList<>(without(conditions, condition.type()));
    result.add(toAdd);
    return result;
  }

  static List<Condition> without(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> !type.equals(c.type())).toList();
  }

  private static Condition withTransitionTime(Condition c, String lastTransitionTime) {
    return new Condition(c.type(), c.status(), c.observedGeneration(), c.lastProbeTime(),
        c.lastHeartbeatTime(), c.lastUpdateTime(), lastTransitionTime, c.reason(), c.message(),
        c.unknownFields());
  }

  /**
   * The counts (upstream's {@code calculateStatus}) and the {@code Available} condition; the
   * other conditions are carried over from the Deployment's current status.
   */
  public static DeploymentStatus calculateStatus(
      Deployment d, List<ReplicaSet> all, ReplicaSet newRs, Instant now) {
    int available = Deployments.sumAvailable(all);
    int unavailable = Math.max(0, Deployments.sumSpec(all) - available);
    List<Condition> conditions = d.status() == null ? List.of() : d.status().conditions();
    conditions = set(conditions, availableCondition(d, available, now));
    return new DeploymentStatus(
        Deployments.generation(d),
        Deployments.sumStatus(all),
        newRs == null ? 0 : Deployments.statusReplicas(newRs),
        Deployments.sumReady(all),
        available,
        unavailable,
        conditions,
        d.status() == null ? null : d.status().collisionCount(),
        Map.of());
  }

  /**
   * {@code Available}: True when at least {@code replicas - maxUnavailable} pods are available,
   * the promise a rolling update keeps.
   */
  static Condition availableCondition(Deployment d, int available, Instant now) {
    // BEGIN EXERCISE 4.2 — the Available condition: are enough pods available?
    throw new UnsupportedOperationException("TODO exercise 4.2: the Available condition: are enough pods available?");
    // END EXERCISE 4.2
  }

  /**
   * The rollout status (upstream's {@code syncRolloutStatus}, progress.go): the counts, then the
   * {@code Progressing} condition: complete, still progressing, or timed out.
   */
  public static DeploymentStatus rolloutStatus(
      Deployment d, List<ReplicaSet> all, ReplicaSet newRs, Instant now) {
    DeploymentStatus status = calculateStatus(d, all, newRs, now);
    if (!Deployments.hasProgressDeadline(d)) {
      return withConditions(status, without(status.conditions(), PROGRESSING));
    }
    // BEGIN EXERCISE 4.2 — progress conditions: complete, progressing, or past the deadline
    throw new UnsupportedOperationException("TODO exercise 4.2: progress conditions: complete, progressing, or past the deadline");
    // END EXERCISE 4.2
  }

  /** Every replica updated, existing and available, and the status is of the latest spec. */
  public static boolean isComplete(Deployment d, DeploymentStatus status) {
    int replicas = Deployments.replicas(d);
    return status.updatedReplicas() == replicas
        && status.replicas() == replicas
        && status.availableReplicas() == replicas
        && status.observedGeneration() >= Deployments.generation(d);
  }

  /**
   * Pods moved on since the Deployment's current status (upstream's
   * {@code DeploymentProgressing}): more updated, fewer old, more ready or more available.
   */
  public static boolean isProgressing(Deployment d, DeploymentStatus next) {
    DeploymentStatus old = d.status();
    int oldUpdated = old == null ? 0 : orZero(old.updatedReplicas());
    int oldOld = old == null ? 0 : orZero(old.replicas()) - oldUpdated;
    int oldReady = old == null ? 0 : orZero(old.readyReplicas());
    int oldAvailable = old == null ? 0 : orZero(old.availableReplicas());
    int nextOld = next.replicas() - next.updatedReplicas();
    return next.updatedReplicas() > oldUpdated
        || nextOld < oldOld
        || next.readyReplicas() > oldReady
        || next.availableReplicas() > oldAvailable;
  }

  /**
   * Upstream's {@code DeploymentTimedOut}: the Progressing condition was last updated more than
   * {@code progressDeadlineSeconds} before {@code now} (strictly), and is not the "complete" one.
   */
  public static boolean isTimedOut(Deployment d, DeploymentStatus status, Instant now) {
    if (!Deployments.hasProgressDeadline(d)) {
      return false;
    }
    Optional<Condition> progressing = find(status, PROGRESSING);
    if (progressing.isEmpty() || NEW_RS_AVAILABLE.equals(progressing.get().reason())) {
      return false;
    }
    if (TIMED_OUT.equals(progressing.get().reason())) {
      return true;
    }
    String from = progressing.get().lastUpdateTime();
    if (from == null) {
      return false;
    }
    Duration deadline = Duration.ofSeconds(Deployments.progressDeadlineSeconds(d));
    return Timestamps.parse(from).plus(deadline).isBefore(now);
  }

  /**
   * When to look again at a rollout that is progressing without events: just after its deadline
   * (upstream's {@code requeueStuckDeployment}); empty if there is nothing to wait for.
   */
  public static Optional<Duration> recheckAfter(
      Deployment d, DeploymentStatus status, Instant now) {
    if (!Deployments.hasProgressDeadline(d)) {
      return Optional.empty();
    }
    Optional<Condition> progressing = find(status, PROGRESSING);
    if (progressing.isEmpty() || !progressing.get().isTrue()
        || NEW_RS_AVAILABLE.equals(progressing.get().reason())
        || progressing.get().lastUpdateTime() == null) {
      return Optional.empty();
    }
    Instant deadline = Timestamps.parse(progressing.get().lastUpdateTime())
        .plusSeconds(Deployments.progressDeadlineSeconds(d));
    Duration left = Duration.between(now, deadline).plusSeconds(1);
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  static DeploymentStatus withConditions(DeploymentStatus s, List<Condition> conditions) {
    return new DeploymentStatus(s.observedGeneration(), s.replicas(), s.updatedReplicas(),
        s.readyReplicas(), s.availableReplicas(), s.unavailableReplicas(), conditions,
        s.collisionCount(), s.unknownFields());
  }

  static DeploymentStatus withCollisionCount(DeploymentStatus s, Integer collisionCount) {
    return new DeploymentStatus(s.observedGeneration(), s.replicas(), s.updatedReplicas(),
        s.readyReplicas(), s.availableReplicas(), s.unavailableReplicas(), s.conditions(),
        collisionCount, s.unknownFields());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
