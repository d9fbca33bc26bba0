package io.minik8s.controllers.replicaset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
 * The calls of one batch run at once, as upstream starts a goroutine for each: a batch of 64 pod
 * creations costs about one API round trip, not 64. So the first error is not "the first call's":
 * upstream keeps whichever error reaches its channel first; we keep the error of the earliest
 * call in the batch, so a test sees the same answer every run.
 */
public final class SlowStartBatch {

  /** Upstream's {@code SlowStartInitialBatchSize}. */
  public static final int INITIAL_BATCH_SIZE = 1;

  /** How the batches went: the calls that succeeded, and the first failure (null if none). */
  public record Result(int successes, RuntimeException firstError) {}

  private SlowStartBatch() {}

  /**
   * Calls {@code action} up to {@code count} times, the calls of each batch at once on {@code
   * executor}; a call fails by throwing. Every call of a batch is made, and waited for, even if
   * another one in it failed; no batch starts after a failure.
   */
  public static Result run(int count, int initialBatchSize, Executor executor, Runnable action) {
    // BEGIN EXERCISE 4.1 — call the action in batches of 1, 2, 4... at once, stopping after a failed batch
    int successes = 0;
    int remaining = count;
    for (int batch = Math.min(remaining, initialBatchSize);
        batch > 0;
        batch = Math.min(2 * batch, remaining)) {
      List<CompletableFuture<Void>> calls = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        calls.add(CompletableFuture.runAsync(action, executor));
      }
      RuntimeException firstError = null;
      for (CompletableFuture<Void> call : calls) {
        try {
          call.join();
          successes++;
        } catch (CompletionException e) {
          RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
          firstError = firstError == null ? cause : firstError;
        }
      }
      if (firstError != null) {
        return new Result(successes, firstError);
      }
      remaining -= batch;
    }
    return new Result(successes, null);
    // END EXERCISE 4.1
  }
}
