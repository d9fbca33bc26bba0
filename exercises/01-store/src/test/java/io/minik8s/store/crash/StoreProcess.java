package io.minik8s.store.crash;

import static org.awaitility.Awaitility.await;

import io.minik8s.store.cli.StoreMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The store server as a child process: {@code StoreMain serve --port 0 --data-dir DIR} in a JVM
 * of its own, so that a test can kill it the way a crash would, with nothing of it surviving but
 * what it wrote to disk.
 *
 * <p>The child runs the test JVM's own {@code java} binary with the test JVM's class path (the
 * store's classes and its dependencies are on it). Surefire may put a manifest-only jar on
 * {@code java.class.path} whose manifest lists the real entries; {@code -cp} reads that manifest
 * too, so it works unchanged. Its stdout and stderr go to files, read back for the
 * {@code listening on 127.0.0.1:PORT} line and for failure messages.
 *
 * <p>{@link #kill()} is {@link Process#destroyForcibly()}, which on Linux (and macOS) sends
 * SIGKILL: the JVM gets no chance to run shutdown hooks, flush buffers or close files. Whatever
 * the store has not written to the kernel by then is lost, exactly as after a crash.
 * (SIGKILL keeps the kernel's page cache, so this finds what a process crash loses; what only a
 * power loss loses, writes not yet fsynced, needs a failing file system instead.)
 */
final class StoreProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  /** Flags for a child that lives a second or two: start fast rather than run fast for long. */
  private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;
  /** Kills the child if the test JVM exits (normally or by SIGTERM) while it still runs. */
  private final Thread reaper;
  private int port;

  private StoreProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.reaper = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts the server on {@code dataDir} and waits until it listens.
   *
   * @param logs where its stdout and stderr go, as {@code NAME.out} and {@code NAME.err}
   * @throws IllegalStateException if it exits or does not listen within {@code timeout}; the
   *     message includes what it printed (e.g. why recovery refused the data directory)
   */
  static StoreProcess start(String name, Path dataDir, Path logs, Duration timeout) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), StoreMain.class.getName(),
        "serve", "--port", "0", "--data-dir", dataDir.toString()));
    Path stdout = logs.resolve(name + ".out");
    Path stderr = logs.resolve(name + ".err");
    Process process;
    try {
      process = new ProcessBuilder(command)
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    StoreProcess server = new StoreProcess(name, process, stdout, stderr);
    try {
      server.awaitListening(timeout);
    } catch (RuntimeException | Error e) {
      server.kill();
      throw e;
    }
    return server;
  }

  private void awaitListening(Duration timeout) {
    try {
      await(name + " to print 'listening on'")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> {
            String first = firstLine();
            if (first == null) {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                    + " before listening; its output:\n" + output());
              }
              return false;
            }
            Matcher m = LISTENING.matcher(first);
            if (!m.matches()) {
              throw new IllegalStateException(name + ": expected the first stdout line to be 'listening on"
                  + " 127.0.0.1:PORT', got '" + first + "'; its output:\n" + output());
            }
            port = Integer.parseInt(m.group(1));
            return true;
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " did not print 'listening on' within " + timeout.toMillis()
          + " ms; its output:\n" + output(), e);
    }
  }

  /** The first complete line of stdout, or null if there is none yet. */
  private String firstLine() throws IOException {
    String text = read(stdout);
    int newline = text.indexOf('\n');
    return newline < 0 ? null : text.substring(0, newline).strip();
  }

  /** {@code http://127.0.0.1:PORT}. */
  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * SIGKILLs the server (see the class comment) and waits until it is gone, so that its port and
   * its lock on the data directory are free. Does nothing if it has already exited.
   */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name + " to die", e);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting: the hook runs anyway, and the process is already dead
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the server printed so far: stdout, then stderr (its log). */
  String output() {
    try {
      return "--- " + stdout.getFileName() + "\n" + read(stdout) + "--- " + stderr.getFileName() + "\n" + read(stderr);
    } catch (IOException e) {
      return "(cannot read the output of " + name + ": " + e + ")";
    }
  }

  private static String read(Path file) throws IOException {
    try {
      // not readString: a line being written may end in half a UTF-8 character
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException notYet) {
      return "";
    }
  }

  @Override
  public void close() {
    kill();
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", " + endpoint() + ")";
  }
}
