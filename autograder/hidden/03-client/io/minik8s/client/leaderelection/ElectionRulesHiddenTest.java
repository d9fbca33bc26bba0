package io.minik8s.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.coordination.LeaseSpec;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ElectionRulesHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeKubeClient client = new FakeKubeClient(clock, 3);
  private final ResourceClient<Lease> leases = client.resource(Lease.class);

  private LeaderElector elector(String identity, int leaseSeconds) {
    return new LeaderElector(leases, new LeaderElectionConfig("kube-system", "sched", identity,
        Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(leaseSeconds - 2),
        Duration.ofSeconds(1), clock), new LeaderCallbacks() {
          @Override
          public void onStartedLeading() {}

          @Override
          public void onStoppedLeading() {}
        });
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
}
