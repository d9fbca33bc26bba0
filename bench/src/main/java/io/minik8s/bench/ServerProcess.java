package io.minik8s.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A store under test, running in its own process on 127.0.0.1 with a data directory of its own
 * (under {@code dir}, with its log). {@link #close()} stops the process and deletes {@code dir};
 * so does a shutdown hook if the benchmark is interrupted, so no server outlives it.
 *
 * @param name how the results table calls it ("ours", "etcd")
 * @param version what exactly ran, for the table's notes
 */
record ServerProcess(String name, String version, String endpoint, Process process, Path dir, Thread cleanup)
    implements AutoCloseable {

  /** Takes ownership of a started process: from now on it is stopped on close or on exit. */
  static ServerProcess own(String name, String version, String endpoint, Process process, Path dir) {
    Thread cleanup = new Thread(() -> stop(process, dir), "stop-" + name);
    Runtime.getRuntime().addShutdownHook(cleanup);
    return new ServerProcess(name, version, endpoint, process, dir, cleanup);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException exiting) {
      // the hook is running or about to: it stops the process
    }
    stop(process, dir);
  }

  /** The server's log, for a failure message. */
  String log() {
    return logOf(dir);
  }

  /** What every course server prints first on stdout ({@code --port 0} then names the port). */
  static final String LISTENING = "listening on 127.0.0.1:";

  /**
   * Starts {@code main} with {@code args} in a child JVM on this JVM's classpath, its stderr in
   * {@code dir/server.log}, and waits up to {@code timeout} for its first line, {@code listening on
   * 127.0.0.1:PORT}; stdout is drained afterwards so the server never blocks on it.
   */
  static ServerProcess launchJava(String name, String version, String main, List<String> args,
      Path dir, Duration timeout) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main));
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .redirectError(dir.resolve("server.log").toFile())
        .start();
    try {
      int port = awaitPort(name, process, dir, timeout);
      return own(name, version, "http://127.0.0.1:" + port, process, dir);
    } catch (RuntimeException e) {
      stop(process, dir);
      throw e;
    }
  }

  private static int awaitPort(String name, Process process, Path dir, Duration timeout) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    String line;
    try {
      line = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(name + " did not start: " + e + "\n" + logOf(dir));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + name);
    }
    if (line == null || !line.startsWith(LISTENING)) {
      throw new IllegalStateException(name + " printed '" + line + "' instead of '" + LISTENING
          + "PORT':\n" + logOf(dir));
    }
    Thread drain = new Thread(() -> {
      try {
        out.transferTo(Writer.nullWriter());
      } catch (IOException ignored) {
        // the server stopped
      }
    }, "drain-" + name);
    drain.setDaemon(true);
    drain.start();
    return Integer.parseInt(line.substring(LISTENING.length()).strip());
  }

  static String logOf(Path dir) {
    try {
      return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the process (politely, then not) and deletes its directory. */
  static void stop(Process process, Path dir) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
