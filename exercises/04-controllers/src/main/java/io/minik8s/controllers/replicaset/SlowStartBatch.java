package io.minik8s.controllers.replicaset;

/**
 * Runs an action {@code count} times in batches of 1, 2, 4, 8... and stops after the first batch
 * in which an action failed (upstream's {@code slowStartBatch},
 * pkg/controller/replicaset/replica_set.go).
 *
 * <p>Why: creating 500 pods in a namespace whose quota allows 10 would send 500 doomed requests.
 * Starting with one and doubling on success costs a healthy scale-up only log2(n) round trips,
 * while a failing one stops after a handful of calls:
 *
 * <pre>
 *   count=10, every call fails from the 4th:
 *   batch 1: call 1 ok                      successes 1
 *   batch 2: calls 2, 3 ok                  successes 3
 *   batch 4: call 4 fails, calls 5-7 ok     successes 6, stop (calls 8-10 never made)
 * </pre>
 *
 * Upstream runs a batch's calls concurrently; we run them one after another, which changes the
 * timing but not which calls are made.
 */
public final class SlowStartBatch {

  /** Upstream's {@code SlowStartInitialBatchSize}. */
  public static final int INITIAL_BATCH_SIZE = 1;

  /** How the batches went: the calls that succeeded, and the first failure (null if none). */
  public record Result(int successes, RuntimeException firstError) {}

  private SlowStartBatch() {}

  /**
   * Calls {@code action} up to {@code count} times; a call fails by throwing. Every call of a
   * batch is made even if an earlier one in it failed; no batch starts after a failure.
   */
  public static Result run(int count, int initialBatchSize, Runnable action) {
    // BEGIN EXERCISE 4.1 — call the action in batches of 1, 2, 4... stopping after a failed batch
    throw new UnsupportedOperationException("TODO exercise 4.1: call the action in batches of 1, 2, 4... stopping after a failed batch");
    // END EXERCISE 4.1
  }
}
