package io.minik8s.grader.cli;

import io.minik8s.grader.run.ForkLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The fork limits as flags shared by {@code grade} and {@code grade-batch}, for a slow grading
 * machine or a module whose tests legitimately need more. Unset flags keep
 * {@link ForkLimits#DEFAULT}.
 */
final class ForkLimitOptions {

  @Option(names = "--test-timeout", paramLabel = "SECONDS",
      description = "Fail a test that runs longer than this (default: 10).")
  Integer testTimeoutSeconds;

  @Option(names = "--module-timeout", paramLabel = "SECONDS",
      description = "Kill a module's test JVM after this; unfinished tests fail (default: 180).")
  Integer moduleTimeoutSeconds;

  @Option(names = "--heap", paramLabel = "MB", description = "Heap of a module's test JVM (default: 512).")
  Integer heapMegabytes;

  ForkLimits limits() {
    ForkLimits d = ForkLimits.DEFAULT;
    return new ForkLimits(
        testTimeoutSeconds == null ? d.perTest() : Duration.ofSeconds(positive("--test-timeout", testTimeoutSeconds)),
        moduleTimeoutSeconds == null ? d.module() : Duration.ofSeconds(positive("--module-timeout", moduleTimeoutSeconds)),
        heapMegabytes == null ? d.heapMegabytes() : atLeast("--heap", heapMegabytes, 64),
        d.outputCapBytes(),
        d.outputKillBytes());
  }

  private static int positive(String flag, int value) {
    return atLeast(flag, value, 1);
  }

  private static int atLeast(String flag, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(flag + " must be at least " + minimum + ", got " + value);
    }
    return value;
  }
}
