package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-item exponential backoff: the n-th failure of an item (counting from 0) waits
 * {@code base * 2^n}, capped at {@code max}; {@link #forget} starts the item over. With base 5 ms
 * and max 1000 s: 5 ms, 10 ms, 20 ms, 40 ms ... reaching the cap after 18 failures (about 22
 * minutes of retrying in all).
 *
 * <p>Upstream: {@code ItemExponentialFailureRateLimiter} in
 * k8s.io/client-go/util/workqueue/default_rate_limiters.go.
 */
public final class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {

  private final Duration base;
  private final Duration max;

  /** Failures per item since it was last forgotten. Guarded by {@code this}. */
  private final Map<T, Integer> failures = new HashMap<>();

  public ItemExponentialFailureRateLimiter(Duration base, Duration max) {
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= base <= max, got base " + base + " and max " + max);
    }
    this.base = base;
    this.max = max;
  }

  @Override
  public synchronized Duration when(T item) {
    // BEGIN EXERCISE 3.4 — exponential backoff per item
    int exponent = failures.getOrDefault(item, 0);
    failures.put(item, exponent + 1);
    // Doubling overflows a long after 63 steps: compute in double and compare before converting.
    double nanos = base.toNanos() * Math.pow(2, exponent);
    if (nanos >= max.toNanos()) {
      return max;
    }
    return Duration.ofNanos((long) nanos);
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
