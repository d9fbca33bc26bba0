package io.minik8s.controllers.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus jumps. A frozen ManualClock would also freeze the workqueues' backoff delays of
 * a running controller manager; this clock keeps flowing, and a scenario jumps it forward to
 * make minutes (a node's grace period, a toleration's 300 s) pass at once.
 */
final class JumpClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  void jump(Duration duration) {
    synchronized (this) {
      offset = offset.plus(duration);
    }
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
