package io.minik8s.client.workqueue;

import java.time.Clock;

/** Builds the queues, by decoration: basic queue, then delaying, then rate-limiting. */
public final class WorkQueues {

  private WorkQueues() {}

  public static <T> RateLimitingQueue<T> rateLimiting(RateLimiter<T> limiter, Clock clock) {
    throw new UnsupportedOperationException("contract: built by the queue helper");
  }
}
