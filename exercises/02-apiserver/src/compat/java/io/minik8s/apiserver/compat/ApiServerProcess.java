package io.minik8s.apiserver.compat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ApiServerMain} in a child JVM on this JVM's classpath, as {@code ./course run apiserver}
 * starts it: the command line and what it prints are the interface under test.
 */
final class ApiServerProcess implements AutoCloseable {

  static final String MAIN = "io.minik8s.apiserver.cli.ApiServerMain";

  private static final String LISTENING = "listening on 127.0.0.1:";

  private final Process process;
  private final Path log;
  private final int port;

  private ApiServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code ApiServerMain ARGS} and waits for its first line, {@code listening on 127.0.0.1:PORT}. */
  static ApiServerProcess start(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), MAIN));
    command.addAll(List.of(args));
    Path log = dir.resolve("apiserver.log");
    try {
      Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      try {
        return new ApiServerProcess(process, log, awaitPort(process, log));
      } catch (RuntimeException e) {
        process.destroyForcibly();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + MAIN, e);
    }
  }

  int port() {
    return port;
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int awaitPort(Process process, Path log) {
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
      line = first.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(MAIN + " printed nothing within 30 s (" + e + "); stderr:\n" + read(log));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + MAIN);
    }
    if (line == null || !line.startsWith(LISTENING)) {
      throw new IllegalStateException("the first line of " + MAIN + " should be '" + LISTENING + "PORT', was '"
          + line + "'; stderr:\n" + read(log));
    }
    Thread drain = new Thread(() -> {
      try {
        out.transferTo(Writer.nullWriter());
      } catch (IOException ignored) {
        // stopped
      }
    }, "drain-apiserver");
    drain.setDaemon(true);
    drain.start();
    return Integer.parseInt(line.substring(LISTENING.length()).strip());
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
