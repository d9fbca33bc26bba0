package io.minik8s.client.cache;

import java.time.Duration;

/**
 * How long a {@link Reflector} waits after a failed list or watch: exponential growth with a cap,
 * plus jitter so a thousand clients that lost the same API server do not all come back in the
 * same millisecond.
 *
 * <pre>
 *   failures:      0      1       2       3       4       5      6 ...
 *   base delay:  0.8s   1.6s    3.2s    6.4s   12.8s   25.6s    30s (cap) ...
 *   actual:      base + base * jitter * r,   r uniform in [0, 1) from a seeded Random
 * </pre>
 *
 * <p>After {@code resetAfter} without any backoff the server is assumed healthy again and the
 * count restarts at 0.
 *
 * <p>Upstream: the defaults of k8s.io/client-go/tools/cache/reflector.go ({@code
 * defaultBackoffInit}, {@code defaultBackoffMax}, {@code defaultBackoffFactor}, {@code
 * defaultBackoffJitter}, {@code defaultBackoffReset}) and {@code wait.Backoff} in
 * k8s.io/apimachinery/pkg/util/wait/backoff.go.
 *
 * @param initial the delay after the first failure
 * @param factor what each further failure multiplies the delay by (at least 1)
 * @param cap the largest base delay (jitter comes on top, as upstream)
 * @param jitter the fraction of the base delay added at random; 0: none
 * @param resetAfter a quiet period after which the failure count starts over
 */
public record Backoff(
    Duration initial, double factor, Duration cap, double jitter, Duration resetAfter) {

  /** client-go's reflector settings: 800 ms doubling to 30 s, jitter 1.0, reset after 2 min. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofMillis(800), 2.0, Duration.ofSeconds(30), 1.0, Duration.ofMinutes(2));

  public Backoff {
    if (initial.isNegative() || cap.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 <= initial <= cap, got initial " + initial + " and cap " + cap);
    }
    if (factor < 1.0 || jitter < 0.0) {
      throw new IllegalArgumentException(
          "backoff needs factor >= 1 and jitter >= 0, got factor " + factor + ", jitter " + jitter);
    }
  }

  /** The same settings without jitter: delays tests can predict exactly. */
  public Backoff withoutJitter() {
    return new Backoff(initial, factor, cap, 0.0, resetAfter);
  }

  /**
   * The delay after {@code failures} earlier failures in a row ({@code 0} for the first one).
   *
   * @param random a value in [0, 1) that picks the jitter
   */
  public Duration delay(int failures, double random) {
    // BEGIN EXERCISE 3.2 — exponential backoff: grow by factor per failure, cap, then add jitter
    double base = initial.toNanos();
    for (int i = 0; i < failures && base < cap.toNanos(); i++) {
      base *= factor;
    }
    base = Math.min(base, cap.toNanos());
    return Duration.ofNanos((long) (base + base * jitter * random));
    // END EXERCISE 3.2
  }
}
