package io.minik8s.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course bench apiserver}: our API server over HTTP on this machine. The server runs in
 * its own process ({@code ApiServerMain}), is warmed up, then measured by
 * {@link ApiServerWorkloads}. The table goes to stdout and to {@code bench/results/apiserver-DATE.md}.
 */
@Command(
    name = "./course bench apiserver",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark our API server over HTTP on 127.0.0.1, in its own process:",
      "pod creates from 8 clients (throughput, p99), LIST of 10 000 pods whole and",
      "by pages of 500 (p99), and one update delivered to 200 watchers (p99).",
      "Prints a Markdown table and writes it to DIR/apiserver-DATE.md.",
      "Takes a few minutes; --quick takes seconds."
    })
public final class ApiServerBench implements Callable<Integer> {

  @Option(names = "--quick", description = "Smaller counts: checks that everything runs; the figures mean little.")
  boolean quick;

  @Option(names = "--store", paramLabel = "embedded|URL", defaultValue = "embedded",
      description = "The server's store: embedded (in memory), or our store server's or etcd's URL (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench/results",
      description = "Where the table is written (default: ${DEFAULT-VALUE}).")
  Path results;

  private final List<String> notes = new ArrayList<>();
  private boolean failed;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ApiServerBench()).execute(args));
  }

  @FunctionalInterface
  private interface Step {
    List<Figure> run() throws Exception;
  }

  @Override
  public Integer call() throws IOException {
    ApiSizes sizes = quick ? ApiSizes.QUICK : ApiSizes.FULL;
    String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    double loadBefore = loadAverage();
    List<Figure> figures = new ArrayList<>();
    System.out.println("== apiserver");
    try (ServerProcess server = OurApiServer.start(store)) {
      notes.add(server.version() + ", at " + server.endpoint());
      ApiServerWorkloads workloads = new ApiServerWorkloads(server.endpoint(), OurApiServer.TOKEN, sizes);
      if (step(server, "warm-up", figures, () -> {
        workloads.warmUp();
        return List.of();
      })) {
        step(server, "creates", figures, workloads::creates);
        step(server, "lists", figures, workloads::lists);
        step(server, "watch", figures, workloads::watch);
      }
    } catch (IOException | RuntimeException e) {
      fail("could not start the API server: " + e.getMessage());
    }
    String table = ResultTable.markdown(List.of(new ResultTable.Column("ours", figures)));
    String report = report(started, loadBefore, loadAverage(), sizes, table);
    System.out.println();
    System.out.print(report);
    Path file = results.resolve("apiserver-" + LocalDate.now() + (quick ? "-quick" : "") + ".md");
    Files.createDirectories(results);
    Files.writeString(file, report);
    System.out.println("\nwrote " + file);
    return failed ? 1 : 0;
  }

  /** Runs one benchmark; a failure is reported and noted, and the other benchmarks still run. */
  private boolean step(ServerProcess server, String what, List<Figure> figures, Step step) {
    long start = System.nanoTime();
    try {
      List<Figure> measured = step.run();
      figures.addAll(measured);
      System.out.printf(Locale.ROOT, "   %s done in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
      measured.forEach(f -> System.out.printf(Locale.ROOT, "   %-50s %10s%n", f.label(), ResultTable.value(f)));
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      fail(what + " failed: " + e.getMessage()
          + (server.process().isAlive() ? "" : " (the server exited; its log:\n" + server.log() + ")"));
      return false;
    }
  }

  private void fail(String message) {
    System.out.println("*** " + message + " ***");
    notes.add(message);
    failed = true;
  }

  private String report(String started, double loadBefore, double loadAfter, ApiSizes sizes, String table) {
    StringBuilder out = new StringBuilder();
    out.append("# API server benchmark").append(quick ? " (--quick: the figures mean little)" : "").append("\n\n");
    out.append(String.format(Locale.ROOT,
        "%s%s on %s %s, %d cores, load average %.2f before and %.2f after (1 min), Java %s.%n%n",
        started, commit(), System.getProperty("os.name"), System.getProperty("os.version"),
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, Runtime.version()));
    out.append(table).append('\n');
    out.append("Throughputs: higher is better; latencies: lower is better.\n\n");
    out.append(String.format(Locale.ROOT,
        "The server ran alone on 127.0.0.1 in its own process (store: %s), clients in this JVM over HTTP/1.1 with"
            + " the JDK client and a bearer token, JSON both ways. Warm-up: %d s of creates and paginated lists."
            + " Creates: %s pods from %d clients. LIST: %s pods read %d times whole, and as many times by pages of %d."
            + " Watch: %d watchers of one namespace's ConfigMaps, %d merge patches of one ConfigMap (after %d unmeasured),"
            + " each sent once the last reached every watcher; latency from before the patch to each watcher's receipt.%n",
        store, sizes.warmupSeconds(), StoreWorkloads.count(sizes.creates()), sizes.clients(),
        StoreWorkloads.count(sizes.listPods()), sizes.listRepeats(), sizes.pageSize(), sizes.watchers(),
        sizes.watchUpdates(), sizes.watchWarmupUpdates()));
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.toString();
  }

  private static String commit() {
    try {
      String head = git("rev-parse", "--short", "HEAD");
      return head.isEmpty() ? "" : ", commit " + head + (git("status", "--porcelain", "--untracked-files=no").isEmpty() ? "" : " + local changes");
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return git.waitFor() == 0 ? out : "";
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
