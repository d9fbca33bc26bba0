package io.minik8s.apiserver.storage;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Kubernetes' {@code metav1.Time} on the wire: RFC 3339 in UTC, whole seconds ({@code 2024-05-01T12:00:00Z}). */
final class Timestamps {

  private Timestamps() {}

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static Instant parse(String timestamp) {
    return Instant.parse(timestamp);
  }
}
