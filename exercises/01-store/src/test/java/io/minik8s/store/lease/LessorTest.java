package io.minik8s.store.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exercise 1.4: the lessor on its own, with a store that records what it is asked to do. */
class LessorTest {

  final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  final Lessor lessor = new Lessor(clock);
  final List<String> storeCalls = new ArrayList<>();

  @BeforeEach
  void connectRecordingStore() {
    lessor.setStore(new LeaseStore() {
      @Override
      public void recordGrant(long id, long ttlSeconds) {
        storeCalls.add("grant " + id + " ttl " + ttlSeconds);
      }

      @Override
      public void revoke(long id) {
        storeCalls.add("revoke " + id + " keys " + lessor.remove(id));
      }
    });
  }

  @ParameterizedTest(name = "grant TTL {0} -> {1}")
  @CsvSource({
    // asked, granted: etcd 3.4.23 raises anything below 2 s to 2 s (verified: -5, 0, 1 and 2 all give 2)
    "-5, 2",
    "0, 2",
    "1, 2",
    "2, 2",
    "3, 3",
    "3600, 3600",
  })
  @Graded(exercise = "1.4", points = 1)
  void grantRaisesSmallTtlsToEtcdsMinimum(long asked, long granted) {
    Lessor.TimeToLive lease = lessor.grant(100, asked);

    assertThat(lease.grantedTtl()).as("TTL granted when asking for %d s", asked).isEqualTo(granted);
    assertThat(storeCalls).as("grants recorded in the store").containsExactly("grant 100 ttl " + granted);
  }

  @Test
  @Graded(exercise = "1.4", points = 1)
  void grantChoosesFreshIdsAndRefusesATakenOne() {
    long first = lessor.grant(0, 10).id();
    long second = lessor.grant(0, 10).id();
    assertThat(first).as("id chosen by the lessor").isPositive();
    assertThat(second).as("second id chosen by the lessor").isPositive().isNotEqualTo(first);

    assertThatThrownBy(() -> lessor.grant(first, 10))
        .as("grant of the taken id %d", first)
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).error())
        .isEqualTo(StoreError.LEASE_EXISTS);
    assertThatThrownBy(() -> lessor.grant(5, Lessor.MAX_TTL_SECONDS + 1))
        .as("grant of a TTL above etcd's maximum")
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).error())
        .isEqualTo(StoreError.LEASE_TTL_TOO_LARGE);
  }

  @Test
  @Graded(exercise = "1.4", points = 2)
  void timeToLiveCountsDownAndKeepAliveRestartsIt() {
    lessor.grant(7, 10);
    lessor.attach(7, Bytes.of("/b"));
    lessor.attach(7, Bytes.of("/a"));

    clock.advance(java.time.Duration.ofMillis(3500));
    Lessor.TimeToLive ttl = lessor.timeToLive(7);
    assertThat(ttl.ttl()).as("seconds left 3.5 s into a 10 s lease (rounded down)").isEqualTo(6);
    assertThat(ttl.grantedTtl()).as("granted TTL").isEqualTo(10);
    assertThat(ttl.keys()).as("keys attached, in key order").containsExactly(Bytes.of("/a"), Bytes.of("/b"));

    assertThat(lessor.keepAlive(7)).as("keepAlive answers the lease's TTL").isEqualTo(10);
    assertThat(lessor.timeToLive(7).ttl()).as("seconds left right after keepAlive").isEqualTo(10);
    assertThat(lessor.timeToLive(8).ttl()).as("timeToLive of an unknown lease").isEqualTo(-1);
    assertThat(lessor.keepAlive(8)).as("keepAlive of an unknown lease (etcd answers TTL 0)").isZero();
  }

  @Test
  @Graded(exercise = "1.4", points = 2)
  void expireDueRevokesExactlyTheLeasesPastTheirDeadline() {
    lessor.grant(1, 10);
    lessor.grant(2, 20);
    lessor.grant(3, 10);
    clock.advanceSeconds(5);
    lessor.keepAlive(3); // now due at 15 s

    clock.advanceSeconds(4); // 9 s
    assertThat(lessor.expireDue()).as("leases expired at 9 s").isEmpty();
    clock.advanceSeconds(1); // 10 s
    assertThat(lessor.expireDue()).as("leases expired at 10 s").containsExactly(1L);
    clock.advanceSeconds(10); // 20 s
    assertThat(lessor.expireDue()).as("leases expired at 20 s, earliest deadline first").containsExactly(3L, 2L);
    assertThat(storeCalls).as("store calls").containsExactly(
        "grant 1 ttl 10", "grant 2 ttl 20", "grant 3 ttl 10", "revoke 1 keys []", "revoke 3 keys []", "revoke 2 keys []");
    assertThat(lessor.timeToLive(2).ttl()).as("timeToLive of an expired lease").isEqualTo(-1);
  }
}
