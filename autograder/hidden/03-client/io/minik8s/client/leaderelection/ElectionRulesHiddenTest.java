package io.minik8s.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.coordination.LeaseSpec;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ElectionRulesHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeKubeClient client = new FakeKubeClient(clock, 3);
  private final ResourceClient<Lease> leases = client.resource(Lease.class);

  private LeaderElector elector(String identity, int leaseSeconds) {
    return elector(identity, leaseSeconds, new Reports());
  }

  /** Retry period 1 s, renew deadline 2 s below the lease duration. */
  private LeaderElector elector(String identity, int leaseSeconds, LeaderCallbacks callbacks) {
    return new LeaderElector(leases, new LeaderElectionConfig("kube-system", "sched", identity,
        Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(leaseSeconds - 2),
        Duration.ofSeconds(1), clock), callbacks);
  }

  /** What an elector reported, as "event@seconds since the start" on the manual clock. */
  private final class Reports implements LeaderCallbacks {
    private final Instant t0 = clock.instant();
    final List<String> events = new CopyOnWriteArrayList<>();

    private void record(String event) {
      events.add(event + "@" + Duration.between(t0, clock.instant()).toSeconds() + "s");
    }

    @Override
    public void onStartedLeading() {
      record("started");
    }

    @Override
    public void onStoppedLeading() {
      record("stopped");
    }

    @Override
    public void onNewLeader(String identity) {
      record("leader " + identity);
    }

    boolean has(String event) {
      return events.stream().anyMatch(e -> e.startsWith(event + "@"));
    }
  }

  /**
   * Waits until the elector's loop sleeps (at most 2 s of real time), then moves the manual clock
   * to the instant it waits for and waits until the loop has moved on.
   */
  private void advanceToNextWakeUp(LeaderElector elector) {
    await().atMost(Duration.ofSeconds(2))
        .until(() -> elector.sleepingUntil() != null);
    Instant until = elector.sleepingUntil();
    clock.advance(Duration.between(clock.instant(), until));
    await().atMost(Duration.ofSeconds(2)).until(() -> !until.equals(elector.sleepingUntil()));
  }

  private LeaseSpec lease() {
    return leases.get("kube-system", "sched").spec();
  }

  @Test
  @Graded(exercise = "3.5", points = 2,
      hint = "Expiry is measured on YOUR clock from when you first saw the current record, not from the record's renewTime.")
  void expiryCountsFromWhenTheCandidateObservedTheRecord() {
    LeaderElector a = elector("a", 15);
    LeaderElector b = elector("b", 15);
    a.tryAcquireOrRenew();
    clock.advanceSeconds(10);
    assertThat(b.tryAcquireOrRenew()).as("B first looks at t=10s").isFalse();
    clock.advanceSeconds(14);
    assertThat(b.tryAcquireOrRenew()).as("t=24s: only 14 s since B saw the record").isFalse();
    clock.advance(Duration.ofSeconds(1).minusNanos(1000));
    assertThat(b.tryAcquireOrRenew()).as("1 µs before 15 s since B saw it").isFalse();
    clock.advance(Duration.ofNanos(1000));
    assertThat(b.tryAcquireOrRenew()).as("exactly 15 s since B saw the record").isTrue();
  }

  @Test
  @Graded(exercise = "3.5", points = 1,
      hint = "Every change of the record (a renewal) restarts the expiry countdown of the other candidates.")
  void renewalsPostponeTakeover() {
    LeaderElector a = elector("a", 15);
    LeaderElector b = elector("b", 15);
    a.tryAcquireOrRenew();
    b.tryAcquireOrRenew();
    clock.advanceSeconds(10);
    a.tryAcquireOrRenew();
    clock.advanceSeconds(5);
    assertThat(b.tryAcquireOrRenew()).as("t=15s, but A renewed at 10 s (B sees it at 15 s)").isFalse();
    clock.advanceSeconds(14);
    assertThat(b.tryAcquireOrRenew()).as("t=29s").isFalse();
    clock.advanceSeconds(1);
    assertThat(b.tryAcquireOrRenew()).as("t=30s: 15 s after B saw the renewal").isTrue();
  }

  @Test
  @Graded(exercise = "3.5", points = 1,
      hint = "Use the leaseDurationSeconds written in the record by its holder, not your own configured duration.")
  void theHoldersLeaseDurationCounts() {
    LeaderElector a = elector("a", 5);
    LeaderElector b = elector("b", 30);
    a.tryAcquireOrRenew();
    b.tryAcquireOrRenew();
    clock.advanceSeconds(5);
    assertThat(b.tryAcquireOrRenew()).as("A's record says 5 s").isTrue();
    assertThat(lease().leaseDurationSeconds()).as("B writes its own duration").isEqualTo(30);
  }

  @Test
  @Graded(exercise = "3.5", points = 1,
      hint = "Each change of holder adds one to leaseTransitions and sets a new acquireTime.")
  void transitionsCountEveryChangeOfHolder() {
    LeaderElector a = elector("a", 5);
    LeaderElector b = elector("b", 5);
    a.tryAcquireOrRenew();
    b.tryAcquireOrRenew();
    clock.advanceSeconds(5);
    b.tryAcquireOrRenew();
    a.tryAcquireOrRenew();
    clock.advanceSeconds(5);
    assertThat(a.tryAcquireOrRenew()).as("A takes back at t=10s").isTrue();
    String now = Timestamps.formatMicro(clock.instant());
    assertThat(lease()).isEqualTo(new LeaseSpec("a", 5, now, now, 2));
  }

  @Test
  @Graded(exercise = "3.5", points = 1,
      hint = "A lease with no holder is free at once; taking it still counts as a transition.")
  void aLeaseWithoutHolderIsFree() {
    leases.create(new Lease(ObjectMeta.named("kube-system", "sched"),
        new LeaseSpec(null, 15, null, null, 4)));
    LeaderElector a = elector("a", 15);
    assertThat(a.tryAcquireOrRenew()).isTrue();
    assertThat(lease().holderIdentity()).isEqualTo("a");
    assertThat(lease().leaseTransitions()).isEqualTo(5);
    assertThat(lease().acquireTime()).isEqualTo(Timestamps.formatMicro(clock.instant()));
  }

  @Test
  @Graded(exercise = "3.5", points = 1,
      hint = "Two candidates may both find no Lease; the second create fails (AlreadyExists) and that attempt must fail.")
  void onlyOneOfTwoCreatorsWins() {
    LeaderElector a = elector("a", 15);
    LeaderElector b = elector("b", 15);
    AtomicBoolean raced = new AtomicBoolean();
    client.prependReactor("create", "leases", action -> {
      if ("b".equals(((Lease) action.object()).spec().holderIdentity())
          && raced.compareAndSet(false, true)) {
        assertThat(a.tryAcquireOrRenew()).as("A creates it first").isTrue();
      }
    });
    assertThat(b.tryAcquireOrRenew()).as("B's create after A's").isFalse();
    assertThat(b.isLeader()).isFalse();
    assertThat(lease().holderIdentity()).isEqualTo("a");
  }

  @Test
  @Graded(exercise = "3.5", points = 1,
      hint = "After a successful renewal the leader waits one retryPeriod on the clock before the next round; it must not renew in a busy loop.")
  void aLeaderRenewsOncePerRetryPeriod() {
    Reports reports = new Reports();
    LeaderElector a = elector("a", 15, reports);
    Instant t0 = clock.instant();
    try {
      a.start();
      await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("started"));
      await().atMost(Duration.ofSeconds(2))
          .alias("the leader waits after renewing (retry 1 s), without the clock moving")
          .until(() -> a.sleepingUntil() != null);
      assertThat(a.sleepingUntil()).as("the leader's first wait after its renewal at t=0")
          .isEqualTo(t0.plusSeconds(1));
      assertThat(client.actions("update", "leases")).as("renewals at t=0").hasSize(1);

      for (int round = 1; round <= 3; round++) {
        advanceToNextWakeUp(a);
      }
      await().atMost(Duration.ofSeconds(2)).until(() -> a.sleepingUntil() != null);
      assertThat(a.sleepingUntil()).as("the wait after the renewal at t=3s").isEqualTo(t0.plusSeconds(4));
      assertThat(client.actions("update", "leases"))
          .as("renewals at t=0, 1, 2, 3 s: one per retry period").hasSize(4);
      assertThat(lease().renewTime()).isEqualTo(Timestamps.formatMicro(t0.plusSeconds(3)));
    } finally {
      a.stop();
    }
  }

  @Test
  @Graded(exercise = "3.5", points = 1,
      hint = "While renewing, a leader that reads a record held by someone else must report that holder (onNewLeader) at once.")
  void aLeaderReportsTheCandidateThatTookItsLease() {
    Reports reports = new Reports();
    LeaderElector a = elector("a", 15, reports);
    try {
      a.start();
      await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("started"));
      await().atMost(Duration.ofSeconds(2)).until(() -> a.sleepingUntil() != null);
      // Another candidate writes itself into the Lease at t=0 (as if A's renewals had been lost).
      Lease current = leases.get("kube-system", "sched");
      String now = Timestamps.formatMicro(clock.instant());
      leases.update(current.withSpec(new LeaseSpec("b", 15, now, now, 1)));

      advanceToNextWakeUp(a); // t=1s: A's renewal reads B's record and fails
      while (!reports.has("stopped")) {
        await().atMost(Duration.ofSeconds(2))
            .until(() -> a.sleepingUntil() != null || reports.has("stopped"));
        if (!reports.has("stopped")) {
          advanceToNextWakeUp(a);
        }
      }
      assertThat(reports.events).as("what A reported (retry 1 s, renew deadline 13 s)")
          .containsExactly("leader a@0s", "started@0s", "leader b@1s", "stopped@14s");
    } finally {
      a.stop();
    }
  }
}
