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
 * Our API server, {@code ApiServerMain --port 0 --store SPEC --token-file FILE}, as a child JVM on
 * this JVM's classpath. The token file holds one user in {@code system:masters}, whose token the
 * benchmark sends.
 */
final class OurApiServer {

  static final String MAIN = "io.minik8s.apiserver.cli.ApiServerMain";

  static final String TOKEN = "bench-admin-token";

  private static final String LISTENING = "listening on 127.0.0.1:";

  private OurApiServer() {}

  /** @param store {@code embedded} or the URL of a store server or etcd */
  static ServerProcess start(String store) throws IOException {
    Path dir = Files.createTempDirectory("minik8s-bench-apiserver-");
    Path tokens = dir.resolve("tokens.csv");
    Files.writeString(tokens, TOKEN + ",bench-admin,bench-admin-uid,\"system:masters\"\n");
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        MAIN, "--port", "0", "--store", store, "--token-file", tokens.toString(),
        // plain HTTP: the benchmark measures the API server, not TLS
        "--tls", "false");
    Process process = new ProcessBuilder(command)
        .redirectError(dir.resolve("server.log").toFile())
        .start();
    try {
      int port = awaitPort(process, dir);
      return ServerProcess.own("apiserver", "minik8s apiserver on Java " + Runtime.version().feature() + ", store " + store,
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
      line = first.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("the API server did not start: " + e + "\n" + ServerProcess.logOf(dir));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the API server");
    }
    if (line == null || !line.startsWith(LISTENING)) {
      throw new IllegalStateException("the API server printed '" + line + "' instead of '" + LISTENING + "PORT':\n"
          + ServerProcess.logOf(dir));
    }
    Thread drain = new Thread(() -> {
      try {
        out.transferTo(Writer.nullWriter());
      } catch (IOException ignored) {
        // the server stopped
      }
    }, "drain-apiserver");
    drain.setDaemon(true);
    drain.start();
    return Integer.parseInt(line.substring(LISTENING.length()).strip());
  }
}
