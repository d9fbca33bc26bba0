package io.minik8s.client.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An overall token bucket: {@code burst} tokens to start with, refilled at {@code qps} per
 * second up to {@code burst}; each {@link #when} takes one token and answers how long until that
 * token exists. It limits the whole queue, not one item: with 10 qps and burst 100, the first 100
 * retries go at once, then one every 100 ms.
 *
 * <p>As {@code golang.org/x/time/rate}'s {@code Limiter.Reserve()}: the token is reserved even
 * when it lies in the future, so the bucket may go negative and every later caller waits behind
 * the earlier ones. A trace with qps 10, burst 2, all at t = 0:
 *
 * <pre>
 *   call   tokens before   tokens after   delay
 *   1      2               1              0
 *   2      1               0              0
 *   3      0              -1              100 ms
 *   4     -1              -2              200 ms
 *   (at t = 150 ms: tokens = -2 + 1.5 = -0.5; call 5 -> -1.5, delay 150 ms)
 * </pre>
 *
 * <p>Upstream: {@code BucketRateLimiter} in k8s.io/client-go/util/workqueue/default_rate_limiters.go.
 */
public final class BucketRateLimiter<T> implements RateLimiter<T> {

  private final double qps;
  private final int burst;
  private final Clock clock;

  /** Tokens at {@link #last}; negative when tokens are reserved ahead. Guarded by {@code this}. */
  private double tokens;

  /** When {@link #tokens} was last brought up to date. Guarded by {@code this}. */
  private Instant last;

  public BucketRateLimiter(double qps, int burst, Clock clock) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException(
          "need qps > 0 and burst >= 1, got qps " + qps + " and burst " + burst);
    }
    this.qps = qps;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.instant();
  }

  @Override
  public synchronized Duration when(T item) {
    // BEGIN EXERCISE 3.4 — token bucket delay
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double elapsedSeconds = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + elapsedSeconds * qps);
      last = now;
    }
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(-tokens / qps * 1e9));
    // END EXERCISE 3.4
  }

  /** The bucket counts no items: nothing to forget. */
  @Override
  public void forget(T item) {}

  @Override
  public int numRequeues(T item) {
    return 0;
  }
}
