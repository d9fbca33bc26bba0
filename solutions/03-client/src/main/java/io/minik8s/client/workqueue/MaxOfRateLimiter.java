package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.List;

/**
 * Combines limiters: an item waits the longest of their delays, so each limiter's rule holds
 * (upstream: {@code MaxOfRateLimiter}). The default controller limiter combines a per-item
 * backoff (one failing key slows down) with a bucket (a storm of failures does not flood the API
 * server).
 */
public final class MaxOfRateLimiter<T> implements RateLimiter<T> {

  private final List<RateLimiter<T>> limiters;

  @SafeVarargs
  public MaxOfRateLimiter(RateLimiter<T>... limiters) {
    if (limiters.length == 0) {
      throw new IllegalArgumentException("MaxOfRateLimiter needs at least one limiter");
    }
    this.limiters = List.of(limiters);
  }

  /** Asks every limiter (each counts the failure), and answers the longest delay. */
  @Override
  public Duration when(T item) {
    // BEGIN EXERCISE 3.4 — the longest delay of all limiters
    Duration longest = Duration.ZERO;
    for (RateLimiter<T> limiter : limiters) {
      Duration delay = limiter.when(item);
      if (delay.compareTo(longest) > 0) {
        longest = delay;
      }
    }
    return longest;
    // END EXERCISE 3.4
  }

  @Override
  public void forget(T item) {
    limiters.forEach(l -> l.forget(item));
  }

  /** The largest count any limiter keeps. */
  @Override
  public int numRequeues(T item) {
    int max = 0;
    for (RateLimiter<T> limiter : limiters) {
      max = Math.max(max, limiter.numRequeues(item));
    }
    return max;
  }
}
