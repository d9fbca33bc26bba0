package io.minik8s.grader.run;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many test JVMs a machine runs at once by default, for the modules of one submission
 * ({@code grade --jobs}) or for the submissions of a batch ({@code grade-batch --jobs}): one per
 * core, as long as their heaps fit in memory beside the grader's own.
 *
 * <p>Why one per core and not fewer: a module's test JVM leaves part of its core idle (tests
 * waiting on sockets, watches and timers), so on the course's 2-core machine two modules at once
 * grade the reference in 77 % of the time of one after the other (16.9 s against 22.0 s warm,
 * {@code ./course bench grader}), and 20 submissions two at a time all got every point. Why not
 * more: past one per core the forks only take turns, and timing-sensitive tests would start to
 * wait on the scheduler.
 */
public final class ConcurrentForks {

  /** Memory kept for the grader's JVM (javac runs in it) and the system, not given to forks. */
  static final long RESERVED_BYTES = 1024L * 1024 * 1024;

  /** What a fork uses beyond its heap: metaspace, code cache, thread stacks. */
  static final long FORK_OVERHEAD_BYTES = 256L * 1024 * 1024;

  private ConcurrentForks() {}

  /** For this machine, as the JVM sees it (a container's limits, where there are some). */
  public static int forThisMachine(ForkLimits limits) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return of(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(), limits.heapMegabytes());
  }

  static int of(int cores, long memoryBytes, int heapMegabytes) {
    long perFork = heapMegabytes * 1024L * 1024 + FORK_OVERHEAD_BYTES;
    long byMemory = (memoryBytes - RESERVED_BYTES) / perFork;
    return (int) Math.max(1, Math.min(cores, byMemory));
  }
}
