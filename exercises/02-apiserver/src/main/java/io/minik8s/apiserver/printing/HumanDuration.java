package io.minik8s.apiserver.printing;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * How kubectl prints an age: two significant units at most, fewer as the duration grows.
 *
 * <pre>
 *   0s .. 119s     "90s"          (seconds up to two minutes)
 *   2m .. 9m59s    "3m" "3m20s"   (minutes and seconds under ten minutes)
 *   10m .. 179m    "45m"          (minutes under three hours)
 *   3h .. 7h59m    "5h" "5h30m"   (hours and minutes under eight hours)
 *   8h .. 47h      "20h"          (hours under two days)
 *   2d .. 7d23h    "3d" "3d4h"    (days and hours under eight days)
 *   8d .. 729d     "100d"         (days under two years)
 *   2y .. 7y364d   "2y" "2y10d"   (years and days under eight years)
 *   8y ..          "9y"
 *   -1s            "0s"           (a clock one second ahead is "now")
 *   &lt; -1s          "&lt;invalid&gt;"
 * </pre>
 *
 * <p>Upstream: {@code duration.HumanDuration} in k8s.io/apimachinery/pkg/util/duration/duration.go,
 * and {@code translateTimestampSince} in k8s.io/kubernetes/pkg/printers/internalversion/printers.go.
 */
public final class HumanDuration {

  private HumanDuration() {}

  /** The duration as kubectl prints it (table above). */
  public static String format(Duration d) {
    // BEGIN EXERCISE 2.7 — format a duration the way kubectl prints an AGE
    throw new UnsupportedOperationException("TODO exercise 2.7: format a duration the way kubectl prints an AGE");
    // END EXERCISE 2.7
  }

  /**
   * The age of an RFC 3339 timestamp at {@code now}; {@code <unknown>} when the timestamp is
   * empty or unreadable (upstream prints it for the zero time).
   */
  public static String since(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "<unknown>";
    }
    try {
      return format(Duration.between(OffsetDateTime.parse(timestamp).toInstant(), now));
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }
}
