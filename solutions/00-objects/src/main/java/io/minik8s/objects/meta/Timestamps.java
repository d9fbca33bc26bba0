package io.minik8s.objects.meta;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps travel as RFC 3339 strings in UTC. {@code metav1.Time} has second precision
 * ({@code "2024-05-01T10:00:00Z"}); {@code metav1.MicroTime}, used by Leases and Events, has six
 * fractional digits ({@code "2024-05-01T10:00:00.123456Z"}). The object model keeps them as
 * strings so a round trip never reformats them; these helpers convert at the edges.
 */
public final class Timestamps {

  private Timestamps() {}

  /** {@code instant} as a {@code metav1.Time}: truncated to seconds, e.g. {@code 2024-05-01T10:00:00Z}. */
  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code instant} as a {@code metav1.MicroTime}, always six fractional digits. */
  public static String formatMicro(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    String seconds = micros.truncatedTo(ChronoUnit.SECONDS).toString(); // ...:ssZ
    return seconds.substring(0, seconds.length() - 1)
        + String.format(".%06dZ", micros.getNano() / 1000);
  }

  /**
   * Parses an RFC 3339 timestamp (either precision, or with an offset such as {@code +02:00}).
   *
   * @throws IllegalArgumentException if {@code text} is not an RFC 3339 timestamp
   */
  public static Instant parse(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not an RFC 3339 timestamp such as 2024-05-01T10:00:00Z", e);
    }
  }
}
