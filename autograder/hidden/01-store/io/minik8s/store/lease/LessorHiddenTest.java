package io.minik8s.store.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.testkit.ManualClock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lessor on its own: ids, the TTL limit, and expiry racing a client's revoke. */
class LessorHiddenTest {

  final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  final Lessor lessor = new Lessor(clock);
  /** Leases a client revokes "meanwhile": the store finds them gone when expiry gets to them. */
  final Set<Long> revokedByAClient = new HashSet<>();

  Lessor connected() {
    lessor.setStore(new LeaseStore() {
      @Override
      public void recordGrant(long id, long ttlSeconds) {}

      @Override
      public void revoke(long id) {
        lessor.remove(id);
        if (revokedByAClient.contains(id)) {
          throw StoreError.LEASE_NOT_FOUND.exception();
        }
      }
    });
    return lessor;
  }

  @Test
  @Graded(exercise = "1.4", points = 1,
      hint = "Chosen ids increase like etcd's id generator: skip ids a client took, and never hand out a revoked lease's id again.")
  void chosenIdsIncreaseSkipTakenOnesAndAreNeverReused() {
    Lessor lessor = connected();
    long first = lessor.grant(0, 10).id();
    long second = lessor.grant(0, 10).id();
    assertThat(second).as("the second chosen id").isGreaterThan(first);

    lessor.revoke(second);
    lessor.grant(second + 1, 10);
    long third = lessor.grant(0, 10).id();

    assertThat(third).as("a chosen id after revoking %d and a client taking %d", second, second + 1)
        .isNotEqualTo(second)
        .isGreaterThan(second + 1);
  }

  @Test
  @Graded(exercise = "1.4", points = 1,
      hint = "MAX_TTL_SECONDS itself is allowed; only a TTL above it is LEASE_TTL_TOO_LARGE.")
  void theMaximumTtlIsAllowedAndOneMoreIsNot() {
    Lessor lessor = connected();
    assertThat(lessor.grant(0, Lessor.MAX_TTL_SECONDS).grantedTtl()).isEqualTo(Lessor.MAX_TTL_SECONDS);
    assertThatThrownBy(() -> lessor.grant(0, Lessor.MAX_TTL_SECONDS + 1))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.LEASE_TTL_TOO_LARGE));
  }

  @Test
  @Graded(exercise = "1.4", points = 1,
      hint = "Expiry racing a client's revoke: a lease the store no longer finds (LEASE_NOT_FOUND) is skipped, the others still expire.")
  void expiryGoesOnWhenAClientRevokedALeaseMeanwhile() {
    Lessor lessor = connected();
    long gone = lessor.grant(0, 10).id();
    long due = lessor.grant(0, 10).id();
    revokedByAClient.add(gone);
    clock.advanceSeconds(10);

    assertThat(lessor.expireDue()).as("expired; %d was revoked by a client meanwhile", gone).containsExactly(due);
    assertThat(lessor.exists(due)).isFalse();
  }
}
