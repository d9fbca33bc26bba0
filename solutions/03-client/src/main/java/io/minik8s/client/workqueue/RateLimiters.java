package io.minik8s.client.workqueue;

import java.time.Clock;

/** The rate limiters controllers use. */
public final class RateLimiters {

  private RateLimiters() {}

  /**
   * Upstream's {@code DefaultTypedControllerRateLimiter}: the larger of a per-item exponential
   * backoff (5 ms doubling to 1000 s) and an overall token bucket (10 qps, burst 100).
   */
  public static <T> RateLimiter<T> defaultController(Clock clock) {
    throw new UnsupportedOperationException("contract: built by the queue helper");
  }
}
