package io.minik8s.store.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import io.minik8s.store.contract.RecordingListener;
import io.minik8s.store.server.EtcdGatewayServer;
import io.minik8s.store.server.TestStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against our own gateway (over a scripted store): the round trip and error mapping. */
class HttpKeyValueStoreTest {

  private final TestStores.Scripted store = TestStores.scripted();
  private final EtcdGatewayServer server = TestStores.serve(store);
  private final HttpKeyValueStore client = new HttpKeyValueStore(server.endpoint(), Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  private static ResponseHeader header(long revision) {
    return new ResponseHeader(-1, 42, revision, 2);
  }

  @Test
  void aRangeRoundTrips() {
    KeyValue kv = new KeyValue(Bytes.of("/a"), 2, 3, 2, Bytes.of("v"), 7);
    TestStores.onRange(store, r -> new RangeResponse(header(4), List.of(kv), true, 5));

    RangeResponse r = client.range(RangeRequest.prefix(Bytes.of("/")).withLimit(1).atRevision(4));

    assertThat(r).isEqualTo(new RangeResponse(header(4), List.of(kv), true, 5));
    assertThat(TestStores.requests(store)).containsExactly(RangeRequest.prefix(Bytes.of("/")).withLimit(1).atRevision(4));
  }

  @Test
  void gatewayErrorsComeBackAsStoreErrors() {
    TestStores.onPut(store, p -> {
      throw StoreError.LEASE_NOT_FOUND.exception();
    });

    assertThatThrownBy(() -> client.put(PutRequest.of(Bytes.of("/a"), Bytes.of("v")).withLease(9)))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.error()).isEqualTo(StoreError.LEASE_NOT_FOUND);
          assertThat(e.grpcCode()).isEqualTo(5);
        });
    assertThatThrownBy(() -> client.range(RangeRequest.key(Bytes.EMPTY)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.EMPTY_KEY));
  }

  @Test
  void anUnreachableServerIsUnavailable() {
    server.stop();

    assertThatThrownBy(() -> client.status())
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.grpcCode()).isEqualTo(14));
  }

  @Test
  void keepAliveOfAMissingLeaseIsLeaseNotFound() {
    TestStores.onKeepAlive(store, id -> {
      throw StoreError.LEASE_NOT_FOUND.exception();
    });

    assertThatThrownBy(() -> client.leaseKeepAlive(5))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.LEASE_NOT_FOUND));
  }

  @Test
  void keepAliveReturnsTheTtl() {
    TestStores.onKeepAlive(store, id -> new Lease.KeepAliveResponse(header(3), id, 30));

    assertThat(client.leaseKeepAlive(5)).isEqualTo(new Lease.KeepAliveResponse(header(3), 5, 30));
  }

  @Test
  void aWatchDeliversInOrderAndClosingItClosesTheStoresWatch() {
    RecordingListener listener = new RecordingListener();
    KeyValue kv = new KeyValue(Bytes.of("/a"), 5, 5, 1, Bytes.of("v"), 0);

    // the scripted store answers created as soon as the watch starts (the client waits for it)
    Watch watch = client.watch(WatchRequest.prefix(Bytes.of("/")).withPrevKv(), listener);
    for (int rev = 5; rev < 8; rev++) {
      TestStores.emit(store, new WatchResponse(header(rev), 0, false, false, 0, "",
          List.of(new WatchEvent(WatchEvent.Type.PUT, kv, null))));
    }
    listener.awaitEvents(3);
    watch.close();

    assertThat(listener.responses().get(0).created()).isTrue();
    assertThat(listener.responses().subList(1, 4)).extracting(r -> r.header().revision()).containsExactly(5L, 6L, 7L);
    await("the store's watch closed after the client closed its watch").atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> {
          TestStores.emit(store, new WatchResponse(header(9), 0, false, false, 0, "", List.of()));
          return TestStores.watchClosed(store);
        });
    assertThat(listener.responses()).as("nothing delivered after close").hasSize(4);
  }
}
