package io.minik8s.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.CommitLog;
import io.minik8s.store.watch.WatchHub;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exercise 1.4 through the whole store: keys attached to leases go when the lease goes. */
class EmbeddedStoreTest {

  /** A watch hub that records what the store publishes. */
  static final class RecordingWatchHub implements WatchHub {
    final CommitLog log;
    final List<Commit> published = new CopyOnWriteArrayList<>();
    boolean closed;

    RecordingWatchHub(CommitLog log) {
      this.log = log;
    }

    @Override
    public Watch watch(WatchRequest request, WatchListener listener) {
      throw new UnsupportedOperationException("recording hub");
    }

    @Override
    public void publish(Commit commit) {
      published.add(commit);
    }

    @Override
    public void notifyProgress() {}

    @Override
    public void close() {
      closed = true;
    }
  }

  final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  RecordingWatchHub hub;
  final EmbeddedStore store = EmbeddedStore.builder()
      .clock(clock)
      .watchHub(log -> hub = new RecordingWatchHub(log))
      .leaseCheckInterval(Duration.ofHours(1)) // the test expires leases itself
      .build();

  @AfterEach
  void close() {
    store.close();
  }

  static Bytes b(String s) {
    return Bytes.of(s);
  }

  List<String> keys() {
    return store.range(RangeRequest.range(Bytes.ZERO, Bytes.ZERO)).kvs().stream().map(kv -> kv.key().utf8()).toList();
  }

  @Test
  @Graded(exercise = "1.4", points = 2)
  void putAttachesKeysAndRevokeDeletesThemInOneRevision() {
    long lease = store.leaseGrant(60, 0).id();
    store.put(PutRequest.of(b("/events/1"), b("e1")).withLease(lease));
    store.put(PutRequest.of(b("/events/2"), b("e2")).withLease(lease));
    store.put(PutRequest.of(b("/pods/web"), b("p")));
    KeyValue e1 = store.range(RangeRequest.key(b("/events/1"))).kvs().get(0);
    assertThat(e1.lease()).as("lease of /events/1").isEqualTo(lease);
    assertThat(store.leaseTimeToLive(lease, true).keys()).as("keys of the lease")
        .containsExactly(b("/events/1"), b("/events/2"));

    store.leaseRevoke(lease);

    assertThat(keys()).as("keys left after revoking the lease").containsExactly("/pods/web");
    assertThat(store.status().header().revision()).as("revision after 3 puts and a revoke").isEqualTo(5);
    Commit revoke = hub.published.get(hub.published.size() - 1);
    assertThat(revoke.events()).as("events of the revoke commit").extracting(WatchEvent::type)
        .containsExactly(WatchEvent.Type.DELETE, WatchEvent.Type.DELETE);
    assertThat(store.leaseTimeToLive(lease, true).ttl()).as("TTL of a revoked lease").isEqualTo(-1);
  }

  @Test
  @Graded(exercise = "1.4", points = 2)
  void anExpiredLeaseTakesItsKeysButNotKeysPutWithoutIt() {
    long lease = store.leaseGrant(10, 0).id();
    store.put(PutRequest.of(b("/nodes/n1"), b("hb")).withLease(lease));
    store.put(PutRequest.of(b("/nodes/n2"), b("hb")).withLease(lease));
    store.put(PutRequest.of(b("/nodes/n2"), b("kept"))); // re-put without a lease: detached

    clock.advanceSeconds(9);
    assertThat(store.expireLeases()).as("leases expired 9 s into a 10 s lease").isEmpty();
    clock.advanceSeconds(1);
    assertThat(store.expireLeases()).as("leases expired at 10 s").containsExactly(lease);

    assertThat(keys()).as("keys left after the lease expired").containsExactly("/nodes/n2");
    assertThat(store.status().header().revision()).as("revision after 3 puts and the expiry").isEqualTo(5);
  }

  @Test
  @Graded(exercise = "1.4", points = 1)
  void putWithAnUnknownLeaseIsRefusedAndWritesNothing() {
    assertThatThrownBy(() -> store.put(PutRequest.of(b("a"), b("1")).withLease(12345)))
        .as("put of a with the unknown lease 12345")
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).error())
        .isEqualTo(StoreError.LEASE_NOT_FOUND);
    TxnRequest txn = new TxnRequest(List.of(), List.of(
        new RequestOp.Put(PutRequest.of(b("b"), b("1"))), new RequestOp.Put(PutRequest.of(b("c"), b("1")).withLease(42))), List.of());
    assertThatThrownBy(() -> store.txn(txn))
        .as("txn putting b, then c with the unknown lease 42")
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).error())
        .isEqualTo(StoreError.LEASE_NOT_FOUND);
    assertThat(keys()).as("keys after the refused put and txn: the txn is all or nothing").isEmpty();
    assertThat(store.put(PutRequest.of(b("b"), b("1"))).header().revision())
        .as("revision of the next put: the refused one made none").isEqualTo(2);
  }

  @Test
  void headersCarryFixedIdsAndTheCurrentRevision() {
    store.put(PutRequest.of(b("a"), b("1")));
    var header = store.status().header();

    assertThat(header.revision()).isEqualTo(2);
    assertThat(header.clusterId()).isEqualTo(store.range(RangeRequest.key(b("a"))).header().clusterId()).isNotZero();
    assertThat(store.status().version()).startsWith("3.4");
    assertThat(hub.published).extracting(Commit::revision).containsExactly(2L);
    assertThat(hub.log.currentRevision()).isEqualTo(2);
  }

  @Test
  void closeClosesTheWatchHub() {
    store.close();
    assertThat(hub.closed).isTrue();
  }

  @Test
  void theExpiryThreadRevokesLeasesOnItsOwn() {
    try (EmbeddedStore ticking = EmbeddedStore.builder().clock(clock).leaseCheckInterval(Duration.ofMillis(10)).build()) {
      long lease = ticking.leaseGrant(5, 0).id();
      ticking.put(PutRequest.of(b("k"), b("v")).withLease(lease));
      clock.advanceSeconds(5);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> ticking.range(RangeRequest.key(b("k"))).kvs().isEmpty());
    }
  }
}
