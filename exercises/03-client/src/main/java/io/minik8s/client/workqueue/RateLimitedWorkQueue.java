package io.minik8s.client.workqueue;

import java.time.Duration;

/**
 * A {@link RateLimitingQueue}: a delaying queue that asks a {@link RateLimiter} how long each
 * retry waits (upstream: k8s.io/client-go/util/workqueue/rate_limiting_queue.go).
 */
final class RateLimitedWorkQueue<T> extends ForwardingWorkQueue<T, DelayingWorkQueue<T>>
    implements RateLimitingQueue<T> {

  private final RateLimiter<T> limiter;

  RateLimitedWorkQueue(DelayingWorkQueue<T> queue, RateLimiter<T> limiter) {
    super(queue);
    this.limiter = limiter;
  }

  /** The delaying queue inside, for tests that move due items by hand. */
  DelayingWorkQueue<T> delaying() {
    return queue;
  }

  @Override
  public void addRateLimited(T item) {
    queue.addAfter(item, limiter.when(item));
  }

  @Override
  public void forget(T item) {
    limiter.forget(item);
  }

  @Override
  public int numRequeues(T item) {
    return limiter.numRequeues(item);
  }

  @Override
  public void addAfter(T item, Duration delay) {
    queue.addAfter(item, delay);
  }
}
