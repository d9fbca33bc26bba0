package io.minik8s.store.etcd;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real etcd server for tests: the ground truth our store and gateway are checked against. It
 * runs the installed etcd binary on free loopback ports with a fresh data directory, and is killed
 * (data deleted) on {@link #close()}.
 *
 * <p>If no etcd binary is found (and, when running as root with apt-get, installing the
 * {@code etcd-server} package did not provide one), {@link #start()} SKIPS the calling test with a
 * JUnit assumption and prints why: these tests need a real etcd, and a missing binary is a
 * machine problem, not a failure of the code under test.
 */
public final class RealEtcd implements AutoCloseable {

  private static Optional<Path> binary;

  private final Process process;
  private final Path dataDir;
  private final Path log;
  private final int clientPort;

  private RealEtcd(Process process, Path dataDir, Path log, int clientPort) {
    this.process = process;
    this.dataDir = dataDir;
    this.log = log;
    this.clientPort = clientPort;
  }

  /** Starts etcd and waits until it is healthy; skips the test (loudly) if there is no etcd. */
  public static RealEtcd start() {
    Optional<Path> etcd = binary();
    if (etcd.isEmpty()) {
      String reason = "SKIPPED: no etcd binary (looked for /usr/bin/etcd and etcd on PATH; install etcd 3.4+,"
          + " e.g. `apt-get install etcd-server`, to run the tests against real etcd)";
      System.err.println("*** " + reason + " ***");
      Assumptions.assumeTrue(false, reason);
    }
    try {
      Path dir = Files.createTempDirectory("minik8s-etcd-");
      Path log = dir.resolve("etcd.log");
      int client = freePort();
      int peer = freePort();
      String clientUrl = "http://127.0.0.1:" + client;
      String peerUrl = "http://127.0.0.1:" + peer;
      Process p = new ProcessBuilder(etcd.get().toString(),
          "--name", "minik8s-test",
          "--data-dir", dir.resolve("data").toString(),
          "--listen-client-urls", clientUrl,
          "--advertise-client-urls", clientUrl,
          "--listen-peer-urls", peerUrl,
          "--initial-advertise-peer-urls", peerUrl,
          "--initial-cluster", "minik8s-test=" + peerUrl)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      RealEtcd server = new RealEtcd(p, dir, log, client);
      try {
        server.awaitHealthy();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start etcd", e);
    }
  }

  /** {@code http://127.0.0.1:PORT}, the client URL (gRPC and the JSON gateway). */
  public String endpoint() {
    return "http://127.0.0.1:" + clientPort;
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(endpoint() + "/health")).timeout(Duration.ofSeconds(1)).build();
    await("etcd at " + endpoint() + " to be healthy")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("etcd exited with " + process.exitValue() + ":\n" + logText());
          }
          try {
            HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"health\":\"true\"");
          } catch (IOException notYet) {
            return false;
          }
        });
  }

  private String logText() {
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
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }

  /** The etcd binary: /usr/bin/etcd, etcd on PATH, or installed with apt-get when we are root. */
  static synchronized Optional<Path> binary() {
    if (binary == null) {
      binary = locate();
      if (binary.isEmpty() && isRoot() && locateOnPath("apt-get").isPresent()) {
        System.err.println("*** no etcd binary found: installing etcd-server with apt-get ***");
        run(List.of("apt-get", "install", "-y", "-q", "etcd-server"));
        binary = locate();
      }
    }
    return binary;
  }

  private static Optional<Path> locate() {
    Path usrBin = Path.of("/usr/bin/etcd");
    return Files.isExecutable(usrBin) ? Optional.of(usrBin) : locateOnPath("etcd");
  }

  private static Optional<Path> locateOnPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(List<String> command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      pb.start().waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
    } catch (IOException e) {
      System.err.println("*** " + command + " failed: " + e + " ***");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
