package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.launch.Benchmark;
import io.minik8s.grader.launch.ComponentLauncher;
import io.minik8s.grader.launch.GraderBench;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run a benchmark suite of bench/, built from source on the reference modules.",
      "store: our store's server against real etcd, both with fsync on, over HTTP:",
      "  put throughput and p50/p99 latency (1 client, then 16), one range over",
      "  10 000 keys, watch delivery latency to 1 000 watchers. Prints a Markdown",
      "  table and writes it to bench/results/store-DATE.md. Without etcd installed",
      "  (/usr/bin/etcd or on PATH) only ours runs. Takes a few minutes.",
      "grader: the grader itself: one full submission (the reference) of every module with",
      "  hidden tests, cold (empty compile cache) and warm, one module after the other and as many",
      "  at once as ./course grade runs, each module warm, the cost of one test JVM start, and a",
      "  batch of 20 copies through grade-batch (skipped with --quick).",
      "Everything after SUITE goes to the suite: --quick (seconds), --only ours|etcd;",
      "./course bench store --help lists them. Run it on a quiet machine."
    })
final class BenchCommand implements Callable<Integer> {

  /** The suite that measures the grader itself, in this JVM rather than from bench/. */
  static final String GRADER = "grader";

  @Parameters(index = "0", paramLabel = "SUITE", description = "One of: ${COMPLETION-CANDIDATES}",
      completionCandidates = SuiteNames.class)
  String suite;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Flags for the suite.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CourseRepo repo = CourseCli.repo();
    if (suite.equals(GRADER)) {
      return new GraderBench(repo, Libraries.of(repo.root()), System.out).run(args.contains("--quick"),
          (dir, csv) -> CourseCli.execute("grade-batch", dir.toString(), "--csv", csv.toString()));
    }
    Benchmark b =
        Benchmark.named(suite)
            .orElseThrow(() -> new IllegalArgumentException("no benchmark suite '" + suite + "'; suites: "
                + new SuiteNames().stream().collect(Collectors.joining(", "))));
    return new ComponentLauncher(repo, Libraries.of(repo.root())).bench(b, args);
  }

  /** The suite names, for the usage message. */
  static final class SuiteNames extends ArrayList<String> {
    SuiteNames() {
      super(Stream.concat(Benchmark.ALL.stream().map(Benchmark::name), Stream.of(GRADER)).toList());
    }
  }
}
