package io.minik8s.client.workqueue;

import java.time.Clock;

/**
 * Builds the queues, by decoration: basic queue, then delaying, then rate-limiting. A delaying
 * queue starts one daemon thread at its first delayed add; it ends when the queue is shut down.
 */
public final class WorkQueues {

  private WorkQueues() {}

  /** A de-duplicating FIFO queue. */
  public static <T> WorkQueue<T> basic() {
    return new BasicQueue<>();
  }

  /** A queue whose items can also be added after a delay, measured on {@code clock}. */
  public static <T> DelayingQueue<T> delaying(Clock clock) {
    return new DelayingWorkQueue<>(new BasicQueue<>(), clock);
  }

  /** A delaying queue whose retries ({@code addRateLimited}) are spaced by {@code limiter}. */
  public static <T> RateLimitingQueue<T> rateLimiting(RateLimiter<T> limiter, Clock clock) {
    return new RateLimitedWorkQueue<>(new DelayingWorkQueue<>(new BasicQueue<>(), clock), limiter);
  }
}
