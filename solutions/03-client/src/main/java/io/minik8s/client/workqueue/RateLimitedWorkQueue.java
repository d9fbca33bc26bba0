package io.minik8s.client.workqueue;

import java.time.Duration;

/**
 * A {@link RateLimitingQueue}: a delaying queue that asks a {@link RateLimiter} how long each
 * retry waits (upstream: k8s.io/client-go/util/workqueue/rate_limiting_queue.go).
 */
final class RateLimitedWorkQueue<T> implements RateLimitingQueue<T> {

  private final DelayingWorkQueue<T> queue;
  private final RateLimiter<T> limiter;

  RateLimitedWorkQueue(DelayingWorkQueue<T> queue, RateLimiter<T> limiter) {
    this.queue = queue;
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

  @Override
  public void add(T item) {
    queue.add(item);
  }

  @Override
  public int len() {
    return queue.len();
  }

  @Override
  public T get() throws InterruptedException {
    return queue.get();
  }

  @Override
  public void done(T item) {
    queue.done(item);
  }

  @Override
  public void shutDown() {
    queue.shutDown();
  }

  @Override
  public boolean isShuttingDown() {
    return queue.isShuttingDown();
  }
}
