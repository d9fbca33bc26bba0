package io.minik8s.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaseHiddenTest {

  final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  final EmbeddedStore store = EmbeddedStore.builder().clock(clock).leaseCheckInterval(Duration.ofHours(1)).build();

  @AfterEach
  void close() {
    store.close();
  }

  static Bytes b(String s) {
    return Bytes.of(s);
  }

  KeyValue get(String key) {
    List<KeyValue> kvs = store.range(RangeRequest.key(b(key))).kvs();
    return kvs.isEmpty() ? null : kvs.get(0);
  }

  static StoreError error(Runnable call) {
    try {
      call.run();
    } catch (StoreException e) {
      return e.error();
    }
    return null;
  }

  @Test
  @Graded(exercise = "1.4", points = 2, hint = "Moving a key from one lease to another: revoking the old lease must not delete it, revoking the new one must.")
  void aKeyMovedToAnotherLeaseFollowsTheNewOne() {
    long first = store.leaseGrant(30, 0).id();
    long second = store.leaseGrant(30, 0).id();
    store.put(PutRequest.of(b("k"), b("1")).withLease(first));
    store.put(PutRequest.of(b("k"), b("2")).withLease(second));

    assertThat(store.leaseTimeToLive(first, true).keys()).as("keys of the first lease after the move").isEmpty();
    store.leaseRevoke(first);
    assertThat(get("k")).as("k after revoking its old lease").isNotNull();
    long before = store.status().header().revision();
    store.leaseRevoke(second);
    assertThat(get("k")).as("k after revoking its new lease").isNull();
    assertThat(store.status().header().revision()).as("revision after revoking the new lease").isEqualTo(before + 1);
    assertThat(error(() -> store.leaseRevoke(second))).as("revoking a revoked lease").isEqualTo(StoreError.LEASE_NOT_FOUND);
  }

  @Test
  @Graded(exercise = "1.4", points = 2, hint = "Keep-alives restart the TTL from now; a lease expires when the clock reaches its deadline; a keep-alive after that is too late.")
  void keepAlivesPostponeExpiry() {
    long lease = store.leaseGrant(10, 0).id();
    store.put(PutRequest.of(b("hb"), b("1")).withLease(lease));
    for (int i = 0; i < 5; i++) {
      clock.advanceSeconds(8);
      assertThat(store.leaseKeepAlive(lease).ttl()).as("keep-alive %d", i).isEqualTo(10);
      assertThat(store.expireLeases()).as("expired after keep-alive %d", i).isEmpty();
    }
    clock.advanceSeconds(10);
    assertThat(error(() -> store.leaseKeepAlive(lease))).as("keep-alive at the deadline").isEqualTo(StoreError.LEASE_NOT_FOUND);
    assertThat(store.expireLeases()).as("expired at the deadline").containsExactly(lease);
    assertThat(get("hb")).as("hb after its lease expired").isNull();
  }

  @Test
  @Graded(exercise = "1.4", points = 1, hint = "timeToLive rounds the remaining time down, reports the granted TTL, and -1 for leases that are gone; small TTLs are raised like etcd 3.4 does.")
  void timeToLiveReports() {
    var granted = store.leaseGrant(1, 77);
    assertThat(granted.ttl()).as("TTL granted for 1 s").isEqualTo(2);
    assertThat(granted.id()).as("id asked for").isEqualTo(77);
    clock.advance(Duration.ofMillis(1500));
    var ttl = store.leaseTimeToLive(77, false);
    assertThat(ttl.ttl()).as("seconds left 1.5 s into 2 s").isZero();
    assertThat(ttl.grantedTtl()).as("granted TTL").isEqualTo(2);
    assertThat(error(() -> store.leaseGrant(5, 77))).as("grant of the taken id 77").isEqualTo(StoreError.LEASE_EXISTS);
    clock.advance(Duration.ofMillis(500));
    store.expireLeases();
    assertThat(store.leaseTimeToLive(77, true).ttl()).as("TTL of the expired lease 77").isEqualTo(-1);
  }
}
