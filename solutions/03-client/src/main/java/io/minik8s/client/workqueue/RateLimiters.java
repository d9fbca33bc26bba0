package io.minik8s.client.workqueue;

import java.time.Clock;
import java.time.Duration;

/** The rate limiters controllers use. */
public final class RateLimiters {

  private RateLimiters() {}

  /**
   * Upstream's {@code DefaultTypedControllerRateLimiter}: the larger of a per-item exponential
   * backoff (5 ms doubling to 1000 s) and an overall token bucket (10 qps, burst 100).
   */
  public static <T> RateLimiter<T> defaultController(Clock clock) {
    return new MaxOfRateLimiter<>(
        new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
        new BucketRateLimiter<>(10, 100, clock));
  }
}
