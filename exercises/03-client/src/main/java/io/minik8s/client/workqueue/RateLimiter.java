package io.minik8s.client.workqueue;

import java.time.Duration;

/**
 * Decides how long an item waits before it is retried (upstream's
 * {@code workqueue.TypedRateLimiter}). Implementations are thread-safe.
 */
public interface RateLimiter<T> {

  /** How long {@code item} should wait now; each call counts as one more failure. */
  Duration when(T item);

  /** The item succeeded: stop tracking it, so its next failure starts from the base delay. */
  void forget(T item);

  /** How many times {@link #when} was called for {@code item} since it was last forgotten. */
  int numRequeues(T item);
}
