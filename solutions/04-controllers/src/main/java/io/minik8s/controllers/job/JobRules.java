package io.minik8s.controllers.job;

import io.minik8s.objects.api.batch.JobSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The decisions of the Job controller, as pure functions of the spec, the counted pods and the
 * time, so each is tested on its own (upstream: {@code syncJob}, {@code manageJob},
 * {@code pastActiveDeadline} in pkg/controller/job/job_controller.go).
 */
final class JobRules {

  /** Upstream's default {@code spec.backoffLimit}. */
  static final int DEFAULT_BACKOFF_LIMIT = 6;
  static final String REASON_BACKOFF_LIMIT = "BackoffLimitExceeded";
  static final String REASON_DEADLINE = "DeadlineExceeded";

  /** Why a Job failed: the {@code reason} and {@code message} of its {@code Failed} condition. */
  record Failure(String reason, String message) {}

  private JobRules() {}

  static int parallelism(JobSpec spec) {
    return spec.parallelism() == null ? 1 : spec.parallelism();
  }

  static int backoffLimit(JobSpec spec) {
    return spec.backoffLimit() == null ? DEFAULT_BACKOFF_LIMIT : spec.backoffLimit();
  }

  /**
   * Whether the Job has failed, and why: more failed pods than {@code backoffLimit} (checked
   * first), or running for {@code activeDeadlineSeconds} or longer since {@code startTime}.
   * Empty while it may still go on.
   */
  static Optional<Failure> failure(JobSpec spec, JobPods pods, Instant startTime, Instant now) {
    // BEGIN EXERCISE 4.3 — decide whether the job has failed
    // "failed > limit": with backoffLimit 6 the Job tolerates 6 failed pods, the 7th fails it.
    if (pods.failed() > backoffLimit(spec)) {
      return Optional.of(new Failure(REASON_BACKOFF_LIMIT,
          "Job has reached the specified backoff limit"));
    }
    // pastActiveDeadline: the deadline is reached at exactly startTime + activeDeadlineSeconds.
    if (spec.activeDeadlineSeconds() != null
        && !now.isBefore(startTime.plusSeconds(spec.activeDeadlineSeconds()))) {
      return Optional.of(new Failure(REASON_DEADLINE,
          "Job was active longer than specified deadline"));
    }
    return Optional.empty();
    // END EXERCISE 4.3
  }

  /**
   * How many pods should be running now. With {@code completions} set: the completions still
   * missing, at most {@code parallelism}, never below 0. Without (work-queue mode): {@code
   * parallelism} until a first pod succeeds; from then on no new pods, the running ones finish.
   */
  static int wantActive(JobSpec spec, JobPods pods) {
    // BEGIN EXERCISE 4.3 — how many pods should be active
    int parallelism = parallelism(spec);
    if (spec.completions() == null) {
      // A success means the work queue is drained: let the others finish, start no more.
      return pods.succeeded() > 0 ? pods.active() : parallelism;
    }
    int remaining = spec.completions() - pods.succeeded();
    return Math.max(0, Math.min(remaining, parallelism));
    // END EXERCISE 4.3
  }

  /**
   * Whether the Job is complete, given the pods active after this sync's creations and
   * deletions: with {@code completions}, that many succeeded and none still active; in
   * work-queue mode, at least one succeeded and none still active.
   */
  static boolean complete(JobSpec spec, int succeeded, int active) {
    // BEGIN EXERCISE 4.3 — decide whether the job is complete
    // Never while a pod still runs: in work-queue mode the others may still be busy with work,
    // and with completions set, manage() has already deleted any pod beyond them.
    if (active > 0) {
      return false;
    }
    return spec.completions() == null ? succeeded > 0 : succeeded >= spec.completions();
    // END EXERCISE 4.3
  }

  /** Time left until the active deadline; empty without one. */
  static Optional<Duration> untilDeadline(JobSpec spec, Instant startTime, Instant now) {
    if (spec.activeDeadlineSeconds() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, startTime.plusSeconds(spec.activeDeadlineSeconds()));
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }
}
