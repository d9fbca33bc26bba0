package io.minik8s.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Our store's server, {@code StoreMain serve --port 0 --data-dir DIR}, as a child JVM on this
 * JVM's classpath: durable, so every acknowledged write has been fsynced (concurrent writers share
 * an fsync).
 */
final class OurStore {

  static final String MAIN = "io.minik8s.store.cli.StoreMain";

  private OurStore() {}

  static ServerProcess start() throws IOException {
    Path dir = Files.createTempDirectory("minik8s-bench-ours-");
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        MAIN, "serve", "--port", "0", "--data-dir", dir.resolve("data").toString());
    Process process = new ProcessBuilder(command)
        .redirectError(dir.resolve("server.log").toFile())
        .start();
    try {
      int port = awaitPort(process, dir);
      return ServerProcess.own("ours", "minik8s store on Java " + Runtime.version().feature(),
          "http://127.0.0.1:" + port, process, dir);
    } catch (RuntimeException e) {
      ServerProcess.stop(process, dir);
      throw e;
    }
  }

  /** Reads the first line, {@code listening on 127.0.0.1:PORT}, then drains stdout so the server never blocks on it. */
  private static int awaitPort(Process process, Path dir) {
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
      throw new IllegalStateException("our store did not start: " + e + "\n" + ServerProcess.logOf(dir));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting our store");
    }
    if (line == null || !line.startsWith("listening on 127.0.0.1:")) {
      throw new IllegalStateException("our store printed '" + line + "' instead of 'listening on 127.0.0.1:PORT':\n"
          + ServerProcess.logOf(dir));
    }
    Thread drain = new Thread(() -> {
      try {
        out.transferTo(Writer.nullWriter());
      } catch (IOException ignored) {
        // the server stopped
      }
    }, "drain-ours");
    drain.setDaemon(true);
    drain.start();
    return Integer.parseInt(line.substring("listening on 127.0.0.1:".length()).strip());
  }
}
