package io.minik8s.store.contract;

import io.minik8s.store.EmbeddedStore;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.client.HttpKeyValueStore;
import io.minik8s.store.server.EtcdGatewayServer;
import java.io.IOException;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract against our own server: the embedded store behind {@link EtcdGatewayServer},
 * reached through the same HTTP client that talks to real etcd. Implementation (b) of three; if
 * (c), {@link RealEtcdContractTest}, passes and this fails, the difference is ours to fix.
 */
class GatewayContractTest extends KeyValueStoreContract {

  private static EmbeddedStore backing;
  private static EtcdGatewayServer server;

  @BeforeAll
  static void startServer() throws IOException {
    backing = EmbeddedStore.inMemory(Clock.systemUTC());
    server = EtcdGatewayServer.start(backing, 0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    backing.close();
  }

  @Override
  protected KeyValueStore newStore() {
    return new HttpKeyValueStore(server.endpoint());
  }
}
