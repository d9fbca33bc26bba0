package io.minik8s.client.workqueue;

/**
 * A {@link DelayingQueue} whose retries are spaced by a {@link RateLimiter} (upstream's
 * {@code RateLimitingInterface}). The controller pattern:
 *
 * <pre>{@code
 * String key = queue.get();
 * try { sync(key); queue.forget(key); }                 // success: reset its backoff
 * catch (Exception e) { queue.addRateLimited(key); }    // failure: retry later, backing off
 * finally { queue.done(key); }
 * }</pre>
 */
public interface RateLimitingQueue<T> extends DelayingQueue<T> {

  /** Adds {@code item} after the delay its rate limiter gives it. */
  void addRateLimited(T item);

  /** Resets the item's backoff; callers must call this when the item succeeded. */
  void forget(T item);

  int numRequeues(T item);
}
