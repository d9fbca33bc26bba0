package io.minik8s.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Our API server, {@code ApiServerMain --port 0 --store SPEC --token-file FILE}, as a child JVM on
 * this JVM's classpath. The token file holds one user in {@code system:masters}, whose token the
 * benchmark sends.
 */
final class OurApiServer {

  static final String MAIN = "io.minik8s.apiserver.cli.ApiServerMain";

  static final String TOKEN = "bench-admin-token";

  private OurApiServer() {}

  /** @param store {@code embedded} or the URL of a store server or etcd */
  static ServerProcess start(String store) throws IOException {
    Path dir = Files.createTempDirectory("minik8s-bench-apiserver-");
    Path tokens = dir.resolve("tokens.csv");
    Files.writeString(tokens, TOKEN + ",bench-admin,bench-admin-uid,\"system:masters\"\n");
    return ServerProcess.launchJava("apiserver",
        "minik8s apiserver on Java " + Runtime.version().feature() + ", store " + store, MAIN,
        List.of("--port", "0", "--store", store, "--token-file", tokens.toString(),
            // plain HTTP: the benchmark measures the API server, not TLS
            "--tls", "false"),
        dir, Duration.ofSeconds(60));
  }
}
