package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Retries an item quickly a few times, then slowly: the first {@code maxFastAttempts} failures
 * wait {@code fast}, later ones {@code slow}. Useful when a failure is usually a blip but
 * sometimes lasts (upstream: {@code ItemFastSlowRateLimiter} in default_rate_limiters.go).
 */
public final class ItemFastSlowRateLimiter<T> implements RateLimiter<T> {

  private final Duration fast;
  private final Duration slow;
  private final int maxFastAttempts;

  /** Failures per item since it was last forgotten. Guarded by {@code this}. */
  private final Map<T, Integer> failures = new HashMap<>();

  public ItemFastSlowRateLimiter(Duration fast, Duration slow, int maxFastAttempts) {
    this.fast = fast;
    this.slow = slow;
    this.maxFastAttempts = maxFastAttempts;
  }

  @Override
  public synchronized Duration when(T item) {
    // BEGIN EXERCISE 3.4 — fast retries first, then slow ones
    int attempt = failures.getOrDefault(item, 0) + 1;
    failures.put(item, attempt);
    return attempt <= maxFastAttempts ? fast : slow;
    // END EXERCISE 3.4
  }

  @Override
  public synchronized void forget(T item) {
    failures.remove(item);
  }

  @Override
  public synchronized int numRequeues(T item) {
    return failures.getOrDefault(item, 0);
  }
}
