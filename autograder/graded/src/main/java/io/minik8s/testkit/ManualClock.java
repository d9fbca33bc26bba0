package io.minik8s.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when a test says so. Code under test takes a {@link Clock}; the test
 * passes this one and calls {@link #advance} instead of sleeping, so a lease that expires after
 * 30 seconds is tested in microseconds, and the same way every run.
 */
public final class ManualClock extends Clock {

  private Instant now;
  private final ZoneId zone;

  public ManualClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private ManualClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  /** A clock at 2026-01-01T00:00:00Z: a fixed start keeps failure messages stable. */
  public static ManualClock startingAtEpochOfCourse() {
    return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time only moves forward, got " + duration);
    }
    now = now.plus(duration);
  }

  public void advanceSeconds(long seconds) {
    advance(Duration.ofSeconds(seconds));
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ManualClock(instant(), zone);
  }
}
