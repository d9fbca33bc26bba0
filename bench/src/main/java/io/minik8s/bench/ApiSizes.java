package io.minik8s.bench;

/**
 * How much work each API server benchmark does. {@link #FULL} is what the issue asks for and what
 * {@code bench/results} are measured with; {@link #QUICK} checks in seconds that everything runs.
 *
 * @param warmupSeconds creates and lists before anything is measured, so the server's JIT has
 *     compiled the paths the benchmarks take
 * @param listPods pods in the namespace the LIST benchmarks read
 * @param pageSize {@code limit} of the paginated LIST
 * @param watchUpdates updates to the watched object, each awaited at every watcher before the next
 */
record ApiSizes(
    int warmupSeconds,
    int creates,
    int clients,
    int listPods,
    int listRepeats,
    int pageSize,
    int watchers,
    int watchUpdates,
    int watchWarmupUpdates) {

  static final ApiSizes FULL = new ApiSizes(20, 8_000, 8, 10_000, 30, 500, 200, 100, 10);

  static final ApiSizes QUICK = new ApiSizes(3, 800, 8, 2_000, 5, 500, 50, 20, 3);
}
