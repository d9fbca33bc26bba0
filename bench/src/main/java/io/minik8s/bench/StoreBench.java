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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course bench store}: our store's server against real etcd, on this machine, through
 * the same HTTP client. Each server runs alone (one after the other), in its own process with a
 * fresh data directory and fsync on, is warmed up, then measured by {@link StoreWorkloads}. The
 * table goes to stdout and to {@code bench/results/store-DATE.md}.
 */
@Command(
    name = "./course bench store",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark our store's server against real etcd on this machine, one after the",
      "other, both durable (fsync on), through the same HTTP client on 127.0.0.1:",
      "put throughput and latency (1 client, then 16), one range over many keys,",
      "watch delivery to many watchers. Prints a Markdown table and writes it to",
      "DIR/store-DATE.md. Takes a few minutes; --quick takes seconds."
    })
public final class StoreBench implements Callable<Integer> {

  enum Server { ours, etcd }

  @Option(names = "--quick", description = "Smaller counts: checks that everything runs; the figures mean little.")
  boolean quick;

  @Option(names = "--only", paramLabel = "ours|etcd", description = "Benchmark only this server.")
  Server only;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench/results",
      description = "Where the table is written (default: ${DEFAULT-VALUE}).")
  Path results;

  /** Why a server has no figures or fewer than it should; listed under the table. */
  private final List<String> notes = new ArrayList<>();
  private boolean failed;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StoreBench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  /** Starts a server; {@link OurStore#start()} or {@link EtcdServer#start}. */
  @FunctionalInterface
  private interface Starter {
    ServerProcess start() throws IOException;
  }

  /** One benchmark of one server. */
  @FunctionalInterface
  private interface Step {
    List<Figure> run() throws Exception;
  }

  @Override
  public Integer call() throws IOException {
    Sizes sizes = quick ? Sizes.QUICK : Sizes.FULL;
    String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    double loadBefore = loadAverage();
    List<ResultTable.Column> columns = new ArrayList<>();
    if (only != Server.etcd) {
      columns.add(measure("ours", OurStore::start, sizes));
    }
    if (only != Server.ours) {
      Optional<Path> etcd = EtcdServer.binary();
      if (etcd.isPresent()) {
        columns.add(measure("etcd", () -> EtcdServer.start(etcd.get()), sizes));
      } else {
        String skipped = "etcd: SKIPPED, no etcd binary (looked for /usr/bin/etcd and etcd on PATH; install etcd 3.4+,"
            + " e.g. `apt-get install etcd-server`, to compare with it)";
        System.out.println("*** " + skipped + " ***");
        notes.add(skipped);
      }
    }
    String report = report(started, loadBefore, loadAverage(), sizes, ResultTable.markdown(columns));
    System.out.println();
    System.out.print(report);
    Path file = results.resolve("store-" + LocalDate.now() + (quick ? "-quick" : "") + (only == null ? "" : "-" + only) + ".md");
    Files.createDirectories(results);
    Files.writeString(file, report);
    System.out.println("\nwrote " + file);
    return failed ? 1 : 0;
  }

  private ResultTable.Column measure(String name, Starter starter, Sizes sizes) {
    List<Figure> figures = new ArrayList<>();
    System.out.println("== " + name);
    try (ServerProcess server = starter.start()) {
      notes.add(name + ": " + server.version() + ", at " + server.endpoint());
      StoreWorkloads workloads = new StoreWorkloads(server.endpoint(), sizes);
      if (step(server, "warm-up", figures, () -> {
        workloads.warmUp();
        return List.of();
      })) {
        step(server, "sequential put", figures, workloads::sequentialPuts);
        step(server, "concurrent put", figures, workloads::concurrentPuts);
        step(server, "range", figures, workloads::range);
        step(server, "watch", figures, workloads::watch);
      }
    } catch (IOException | RuntimeException e) {
      fail(name + ": could not start: " + e.getMessage());
    }
    return new ResultTable.Column(name, figures);
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
      fail(server.name() + ": " + what + " failed: " + e.getMessage()
          + (server.process().isAlive() ? "" : " (the server exited; its log:\n" + server.log() + ")"));
      return false;
    }
  }

  private void fail(String message) {
    System.out.println("*** " + message + " ***");
    notes.add(message);
    failed = true;
  }

  private String report(String started, double loadBefore, double loadAfter, Sizes sizes, String table) {
    StringBuilder out = new StringBuilder();
    out.append("# Store benchmark").append(quick ? " (--quick: the figures mean little)" : "").append("\n\n");
    out.append(String.format(Locale.ROOT,
        "%s%s on %s %s, %d cores, load average %.2f before and %.2f after (1 min), Java %s.%n%n",
        started, commit(), System.getProperty("os.name"), System.getProperty("os.version"),
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, Runtime.version()));
    out.append(table).append('\n');
    out.append("Throughputs: higher is better; latencies: lower is better. The last column is ours divided by etcd's.\n\n");
    out.append(String.format(Locale.ROOT,
        "Each server ran alone on 127.0.0.1, in its own process, with a fresh data directory under %s"
            + " and fsync on (ours: write-ahead log fsynced before each ack, concurrent writes share an fsync;"
            + " etcd: its defaults). Clients: HttpKeyValueStore over the etcd v3 JSON gateway (HTTP/1.1),"
            + " all in one JVM. Values: %d bytes. Warm-up: %d s of sequential and concurrent puts and ranges."
            + " Sequential: %s puts; concurrent: %s puts from %d clients; range: %s keys read %d times;"
            + " watch: %s watchers, %s puts (after %d unmeasured), each put sent once the last reached every watcher,"
            + " latency from before the put to each watcher's receipt.%n",
        System.getProperty("java.io.tmpdir"), sizes.valueBytes(), sizes.warmupSeconds(),
        StoreWorkloads.count(sizes.sequentialPuts()), StoreWorkloads.count(sizes.concurrentPuts()), sizes.clients(),
        StoreWorkloads.count(sizes.rangeKeys()), sizes.rangeRepeats(), StoreWorkloads.count(sizes.watchers()),
        StoreWorkloads.count(sizes.watchPuts()), sizes.watchWarmupPuts()));
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.toString();
  }

  /** ", commit abc1234" (with "+ local changes" if the tree is dirty), or "" outside a git checkout. */
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
