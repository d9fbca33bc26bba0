package io.minik8s.bench;

/**
 * How much work each benchmark does. {@link #FULL} is what the results in {@code bench/results}
 * are measured with; {@link #QUICK} checks in seconds that everything runs.
 *
 * @param warmupSeconds how long each server is warmed up before anything is measured: a JVM
 *     server's JIT needs tens of seconds of traffic to reach its steady state (under 10 s, ours
 *     measured at half its speed), etcd needs none; both get the same
 * @param watchWarmupPuts puts to the watchers before their latencies count
 */
record Sizes(
    int warmupSeconds,
    int sequentialPuts,
    int concurrentPuts,
    int clients,
    int valueBytes,
    int rangeKeys,
    int rangeRepeats,
    int watchers,
    int watchPuts,
    int watchWarmupPuts) {

  static final Sizes FULL = new Sizes(30, 2_000, 8_000, 16, 256, 10_000, 30, 1_000, 200, 20);

  static final Sizes QUICK = new Sizes(5, 300, 1_600, 16, 256, 2_000, 5, 100, 30, 5);
}
