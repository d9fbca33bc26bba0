package io.minik8s.apiserver.compat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real etcd 3.4 ({@code /usr/bin/etcd}) as a single-member cluster on free loopback ports with a
 * fresh data directory: the store the API server must also run on, by configuration alone. If
 * the binary is absent, the calling test is SKIPPED with a loud message.
 */
final class EtcdProcess implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/etcd");

  private final Process process;
  private final Path dir;
  private final int clientPort;

  private EtcdProcess(Process process, Path dir, int clientPort) {
    this.process = process;
    this.dir = dir;
    this.clientPort = clientPort;
  }

  static EtcdProcess start() {
    if (!Files.isExecutable(BINARY)) {
      String reason = "SKIPPED: no etcd at " + BINARY + "; install etcd 3.4+ (e.g. `apt-get install etcd-server`)"
          + " to run the API server on real etcd";
      System.err.println("*** " + reason + " ***");
      Assumptions.abort(reason);
    }
    try {
      Path dir = Files.createTempDirectory("minik8s-apiserver-etcd-");
      int client = freePort();
      int peer = freePort();
      String clientUrl = "http://127.0.0.1:" + client;
      String peerUrl = "http://127.0.0.1:" + peer;
      Process p = new ProcessBuilder(BINARY.toString(),
          "--name", "minik8s-compat",
          "--data-dir", dir.resolve("data").toString(),
          "--listen-client-urls", clientUrl,
          "--advertise-client-urls", clientUrl,
          "--listen-peer-urls", peerUrl,
          "--initial-advertise-peer-urls", peerUrl,
          "--initial-cluster", "minik8s-compat=" + peerUrl)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("etcd.log").toFile())
          .start();
      EtcdProcess etcd = new EtcdProcess(p, dir, client);
      try {
        etcd.awaitHealthy();
      } catch (RuntimeException e) {
        etcd.close();
        throw e;
      }
      return etcd;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start etcd", e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + clientPort;
  }

  /** Polls {@code /health} (no sleeping: Awaitility) until etcd has elected itself leader. */
  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(endpoint() + "/health")).timeout(Duration.ofSeconds(1)).build();
    await("etcd at " + endpoint() + " to be healthy")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("etcd exited with " + process.exitValue() + ":\n" + log());
          }
          try {
            HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"health\":\"true\"");
          } catch (IOException notYet) {
            return false;
          }
        });
  }

  String log() {
    try {
      return Files.readString(dir.resolve("etcd.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    Kubectl.deleteTree(dir);
  }
}
