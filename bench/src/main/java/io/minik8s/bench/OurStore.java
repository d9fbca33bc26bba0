package io.minik8s.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
    return ServerProcess.launchJava("ours", "minik8s store on Java " + Runtime.version().feature(),
        MAIN, List.of("serve", "--port", "0", "--data-dir", dir.resolve("data").toString()), dir,
        Duration.ofSeconds(30));
  }
}
