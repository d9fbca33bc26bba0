package io.minik8s.grader.cli;

import io.minik8s.grader.run.ConcurrentForks;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.run.ForkUser;
import io.minik8s.grader.run.TestFork;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How test JVMs run, as flags shared by {@code grade} and {@code grade-batch}: their limits, for a
 * slow grading machine or a module whose tests legitimately need more (unset flags keep
 * {@link ForkLimits#DEFAULT}), how many run at once, and the user they run as.
 */
final class ForkOptions {

  @Option(names = "--test-timeout", paramLabel = "SECONDS",
      description = "Fail a test that runs longer than this (default: 10).")
  Integer testTimeoutSeconds;

  @Option(names = "--module-timeout", paramLabel = "SECONDS",
      description = "Kill a module's test JVM after this; unfinished tests fail (default: 180).")
  Integer moduleTimeoutSeconds;

  @Option(names = "--heap", paramLabel = "MB", description = "Heap of a module's test JVM (default: 512).")
  Integer heapMegabytes;

  @Option(names = "--fork-user", paramLabel = "USER",
      description = "Run the test JVMs as this unprivileged user (the grader must run as root, as on Gradescope), "
          + "so a submission cannot touch the grader's process or files.")
  String forkUser;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Test JVMs at once: the modules of a submission (grade), the submissions of a class (grade-batch)"
          + " (default: one per core, as far as memory allows).")
  Integer jobs;

  TestFork fork() {
    TestFork fork = new TestFork(limits());
    return forkUser == null ? fork : fork.runningAs(ForkUser.named(forkUser));
  }

  ForkLimits limits() {
    ForkLimits d = ForkLimits.DEFAULT;
    return new ForkLimits(
        testTimeoutSeconds == null ? d.perTest() : Duration.ofSeconds(positive("--test-timeout", testTimeoutSeconds)),
        moduleTimeoutSeconds == null ? d.module() : Duration.ofSeconds(positive("--module-timeout", moduleTimeoutSeconds)),
        heapMegabytes == null ? d.heapMegabytes() : atLeast("--heap", heapMegabytes, 64),
        d.outputCapBytes(),
        d.outputKillBytes());
  }

  int jobs() {
    return jobs == null ? ConcurrentForks.forThisMachine(limits()) : positive("--jobs", jobs);
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
