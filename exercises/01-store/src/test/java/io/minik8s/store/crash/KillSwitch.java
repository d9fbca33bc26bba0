package io.minik8s.store.crash;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the server right after the k-th write acknowledged in an iteration. The moment of the
 * crash is counted in writes, not in wall-clock time, so that the seed picks it: on a slow machine
 * the same seed kills after the same amount of traffic. The writer whose acknowledgement is the
 * k-th pulls the trigger, while the other writers' requests are in flight.
 */
final class KillSwitch {

  private final int afterWrites;
  private final Runnable kill;
  private final AtomicInteger acknowledged = new AtomicInteger();
  private volatile boolean fired;

  KillSwitch(int afterWrites, Runnable kill) {
    if (afterWrites < 1) {
      throw new IllegalArgumentException("kill after at least 1 write, got " + afterWrites);
    }
    this.afterWrites = afterWrites;
    this.kill = kill;
  }

  /** Counts an acknowledged write; the k-th one kills the server. */
  void acknowledged() {
    if (acknowledged.incrementAndGet() == afterWrites) {
      fired = true; // before the kill: a writer that fails after it knows why
      kill.run();
    }
  }

  /** Whether the server has been (or is being) killed: from then on, writes fail. */
  boolean fired() {
    return fired;
  }

  int afterWrites() {
    return afterWrites;
  }
}
