package io.minik8s.store.cli;

import io.minik8s.store.DurableStore;
import io.minik8s.store.EmbeddedStore;
import io.minik8s.store.server.EtcdGatewayServer;
import io.minik8s.store.wal.Backup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the store over etcd's v3 JSON gateway API on 127.0.0.1.",
      "Prints 'listening on 127.0.0.1:PORT' as its first line; runs until killed."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "2379", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the write-ahead log and snapshots live; without it the store is in memory and forgets everything on exit.")
  Path dataDir;

  @Option(names = "--watch-progress-notify-interval", defaultValue = "PT10M", paramLabel = "DURATION",
      description = "How often idle watches that asked for it get a progress notification, ISO-8601 (default: ${DEFAULT-VALUE}, as etcd).")
  Duration progressNotify;

  @Override
  public Integer call() throws Exception {
    DurableStore durable = null;
    EmbeddedStore store;
    if (dataDir == null) {
      store = EmbeddedStore.builder().progressNotifyInterval(progressNotify).build();
    } else {
      durable = DurableStore.open(dataDir, Clock.systemUTC(), b -> b.progressNotifyInterval(progressNotify));
      store = durable.store();
    }
    EtcdGatewayServer server =
        EtcdGatewayServer.start(store, port).serveSnapshots(file -> Backup.save(store.exportState(), file));
    System.out.println("listening on 127.0.0.1:" + server.port());
    System.out.flush();
    DurableStore toClose = durable;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      if (toClose != null) {
        toClose.close();
      } else {
        store.close();
      }
      stopped.countDown();
    }, "store-shutdown"));
    stopped.await();
    return 0;
  }
}
