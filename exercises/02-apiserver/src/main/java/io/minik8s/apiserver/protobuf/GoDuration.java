package io.minik8s.apiserver.protobuf;

/**
 * Formats nanoseconds as Go's {@code time.Duration.String()} does: {@code 1h0m0s}, {@code 1.5s},
 * {@code 300ms}, {@code 2µs}, {@code 0s}. That is how metav1.Duration appears in JSON.
 *
 * <p>Upstream: Go's src/time/time.go, func (d Duration) String.
 */
final class GoDuration {

  private GoDuration() {}

  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long u = nanos < 0 ? -nanos : nanos; // Long.MIN_VALUE stays negative: read it as unsigned
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      if (u < 1_000) {
        return sign + u + "ns";
      }
      if (u < 1_000_000) {
        return sign + fraction(u, 3) + "µs";
      }
      return sign + fraction(u, 6) + "ms";
    }
    String seconds = fraction(Long.remainderUnsigned(u, 60_000_000_000L), 9) + "s";
    long minutesTotal = Long.divideUnsigned(u, 60_000_000_000L);
    long hours = minutesTotal / 60;
    long minutes = minutesTotal % 60;
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    if (minutes > 0) {
      return sign + minutes + "m" + seconds;
    }
    return sign + seconds;
  }

  /** {@code value / 10^digits} with the fraction's trailing zeros (and a bare dot) dropped. */
  private static String fraction(long value, int digits) {
    long scale = (long) Math.pow(10, digits);
    String frac = String.format("%0" + digits + "d", value % scale).replaceAll("0+$", "");
    return (value / scale) + (frac.isEmpty() ? "" : "." + frac);
  }
}
