package io.minik8s.grader.batch;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One line per graded submission, {@code [3/20] alice  ok 7/7  (ETA 1m05s)}. The estimate is
 * the wall time so far per finished submission times the submissions left; with N jobs at once
 * that per-submission time is already divided by N.
 */
final class BatchProgress {

  private final int total;
  private final Clock clock;
  private final PrintStream out;
  private final Instant start;
  private int done;

  BatchProgress(int total, Clock clock, PrintStream out) {
    this.total = total;
    this.clock = clock;
    this.out = out;
    this.start = clock.instant();
  }

  /** Records one finished submission and prints its line. */
  synchronized void finished(String student, String summary) {
    done++;
    out.println("[" + done + "/" + total + "] " + student + "  " + summary + "  (ETA " + format(eta()) + ")");
  }

  synchronized Duration eta() {
    if (done == 0) {
      return Duration.ZERO;
    }
    Duration elapsed = Duration.between(start, clock.instant());
    return elapsed.multipliedBy(total - done).dividedBy(done);
  }

  static String format(Duration d) {
    return d.toMinutes() + "m" + String.format("%02d", d.toSecondsPart()) + "s";
  }
}
