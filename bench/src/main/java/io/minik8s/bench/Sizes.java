package io.minik8s.bench;

/**
 * How much work each benchmark does. {@link #FULL} is what the results in {@code bench/results}
 * are measured with; {@link #QUICK} checks in seconds that everything runs.
 *
 * @param warmupPuts puts, sequential and again concurrent, before anything is measured
 * @param watchWarmupPuts puts to the watchers before their latencies count
 */
record Sizes(
    int warmupPuts,
    int sequentialPuts,
    int concurrentPuts,
    int clients,
    int valueBytes,
    int rangeKeys,
    int rangeRepeats,
    int watchers,
    int watchPuts,
    int watchWarmupPuts) {

  static final Sizes FULL = new Sizes(1_000, 2_000, 8_000, 16, 256, 10_000, 30, 1_000, 200, 20);

  static final Sizes QUICK = new Sizes(200, 300, 1_600, 16, 256, 2_000, 5, 100, 30, 5);
}
