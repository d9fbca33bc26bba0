package io.minik8s.grader.launch;

import java.util.List;
import java.util.Optional;

/**
 * A benchmark suite of {@code bench/}: its main class and the module it measures, which it is
 * compiled on top of (with every module below). {@code ./course bench <name> --help} explains its
 * flags.
 */
public record Benchmark(String name, String module, String mainClass, String description) {

  public static final List<Benchmark> ALL =
      List.of(
          new Benchmark("store", "01-store", "io.minik8s.bench.StoreBench",
              "our store's server against real etcd: put throughput and latency, range, watch fan-out"),
          new Benchmark("apiserver", "02-apiserver", "io.minik8s.bench.ApiServerBench",
              "the API server over HTTP: creates with 8 clients, LIST of 10 000 pods, watch fan-out to 200 watchers"),
          new Benchmark("controllers", "04-controllers", "io.minik8s.bench.ControllersBench",
              "a 1 000-replica Deployment: time to 1 000 pods, API requests per pod, informer memory per 10 000 pods"));

  public static Optional<Benchmark> named(String name) {
    return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
