package io.minik8s.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real etcd, the yardstick: the installed binary as a single-member cluster on free loopback
 * ports with a fresh data directory and etcd's default durability (its WAL is fsynced before a
 * write is acknowledged, batched across concurrent writers, like ours).
 */
final class EtcdServer {

  private EtcdServer() {}

  /** /usr/bin/etcd, else etcd on the PATH. */
  static Optional<Path> binary() {
    Path usrBin = Path.of("/usr/bin/etcd");
    if (Files.isExecutable(usrBin)) {
      return Optional.of(usrBin);
    }
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, "etcd"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static ServerProcess start(Path binary) throws IOException {
    Path dir = Files.createTempDirectory("minik8s-bench-etcd-");
    String client = "http://127.0.0.1:" + ServerProcess.freePort();
    String peer = "http://127.0.0.1:" + ServerProcess.freePort();
    Process process = new ProcessBuilder(binary.toString(),
        "--name", "minik8s-bench",
        "--data-dir", dir.resolve("data").toString(),
        "--listen-client-urls", client,
        "--advertise-client-urls", client,
        "--listen-peer-urls", peer,
        "--initial-advertise-peer-urls", peer,
        "--initial-cluster", "minik8s-bench=" + peer)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile())
        .start();
    try {
      awaitHealthy(process, client, dir);
      return ServerProcess.own("etcd", "etcd " + version(binary), client, process, dir);
    } catch (RuntimeException e) {
      ServerProcess.stop(process, dir);
      throw e;
    }
  }

  /** Polls {@code /health} until etcd has a leader (itself); a benchmark may sleep, a test may not. */
  private static void awaitHealthy(Process process, String endpoint, Path dir) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(endpoint + "/health")).timeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("etcd exited with " + process.exitValue() + ":\n" + ServerProcess.logOf(dir));
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"health\":\"true\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting etcd");
      }
      sleep(50);
    }
    throw new IllegalStateException("etcd at " + endpoint + " was not healthy within 30 s:\n" + ServerProcess.logOf(dir));
  }

  /** "3.4.23", from {@code etcd --version}. */
  private static String version(Path binary) {
    try {
      Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return out.lines()
          .filter(l -> l.startsWith("etcd Version:"))
          .map(l -> l.substring("etcd Version:".length()).strip())
          .findFirst()
          .orElse("(unknown version)");
    } catch (IOException e) {
      return "(unknown version)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(unknown version)";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting etcd");
    }
  }
}
