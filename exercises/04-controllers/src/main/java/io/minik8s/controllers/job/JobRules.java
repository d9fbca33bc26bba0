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
    throw new UnsupportedOperationException("TODO exercise 4.3: decide whether the job has failed");
    // END EXERCISE 4.3
  }

  /**
   * How many pods should be running now. With {@code completions} set: the completions still
   * missing, at most {@code parallelism}, never below 0. Without (work-queue mode): {@code
   * parallelism} until a first pod succeeds; from then on no new pods, the running ones finish.
   */
  static int wantActive(JobSpec spec, JobPods pods) {
    // BEGIN EXERCISE 4.3 — how many pods should be active
    throw new UnsupportedOperationException("TODO exercise 4.3: how many pods should be active");
    // END EXERCISE 4.3
  }

  /**
   * Whether the Job is complete, given the pods active after this sync's creations and
   * deletions: with {@code completions}, that many succeeded and none still active; in
   * work-queue mode, at least one succeeded and none still active.
   */
  static boolean complete(JobSpec spec, int succeeded, int active) {
    // BEGIN EXERCISE 4.3 — decide whether the job is complete
    throw new UnsupportedOperationException("TODO exercise 4.3: decide whether the job is complete");
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
