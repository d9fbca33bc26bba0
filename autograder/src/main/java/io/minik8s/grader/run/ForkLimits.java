package io.minik8s.grader.run;

import java.time.Duration;

/**
 * What a forked test JVM may use. Defaults suit a laptop and a 2-core grading machine alike: a
 * correct module's tests take a few seconds, so the limits only ever stop broken code.
 *
 * @param perTest a test running longer fails with a timeout; the run continues
 * @param module the whole fork is killed after this; unfinished tests fail with the reason
 * @param heapMegabytes {@code -Xmx} of the fork
 * @param outputCapBytes how much of the fork's stdout/stderr is kept for the report
 * @param outputKillBytes a fork that prints more than this is killed (a flood, not a log)
 */
public record ForkLimits(
    Duration perTest, Duration module, int heapMegabytes, int outputCapBytes, long outputKillBytes) {

  public static final ForkLimits DEFAULT =
      new ForkLimits(Duration.ofSeconds(10), Duration.ofSeconds(180), 512, 64 * 1024, 64L * 1024 * 1024);
}
