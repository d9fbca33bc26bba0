package io.minik8s.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.errors.ConflictException;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.coordination.LeaseSpec;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The election rules, one attempt at a time on a manual clock: lease 15 s, renew deadline 10 s,
 * retry 2 s (kube-controller-manager's defaults). Two candidates, A and B, share one fake API.
 */
class LeaderElectorTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final Instant t0 = clock.instant();
  private final FakeKubeClient client = new FakeKubeClient(clock, 1);
  private final ResourceClient<Lease> leases = client.resource(Lease.class);
  private final Recorder recorderA = new Recorder();
  private final Recorder recorderB = new Recorder();
  private final LeaderElector a = elector("a", recorderA);
  private final LeaderElector b = elector("b", recorderB);

  private LeaderElector elector(String identity, LeaderCallbacks callbacks) {
    return new LeaderElector(leases,
        LeaderElectionConfig.defaults("kube-system", "kcm", identity, clock), callbacks);
  }

  @AfterEach
  void stopElectors() {
    a.stop();
    b.stop();
  }

  private LeaseSpec lease() {
    return leases.get("kube-system", "kcm").spec();
  }

  @Test
  @Graded(exercise = "3.5", points = 2)
  void theFirstCandidateCreatesTheLease() {
    assertThat(a.tryAcquireOrRenew()).as("A tries with no lease").isTrue();

    LeaseSpec spec = lease();
    String now = Timestamps.formatMicro(t0);
    assertThat(spec).as("the lease A created").isEqualTo(new LeaseSpec("a", 15, now, now, 0));
    assertThat(now).as("MicroTime").isEqualTo("2026-01-01T00:00:00.000000Z");
    assertThat(a.isLeader()).isTrue();
  }

  @Test
  @Graded(exercise = "3.5", points = 2)
  void aHeldLeaseCannotBeTakenBeforeItExpires() {
    a.tryAcquireOrRenew();
    assertThat(b.tryAcquireOrRenew()).as("B at t=0").isFalse();
    clock.advanceSeconds(14);
    assertThat(b.tryAcquireOrRenew()).as("B at t=14s, lease 15 s").isFalse();

    assertThat(lease().holderIdentity()).isEqualTo("a");
    assertThat(b.isLeader()).isFalse();
    assertThat(b.leader()).as("B has seen who leads").isEqualTo("a");
  }

  @Test
  @Graded(exercise = "3.5", points = 1)
  void anExpiredLeaseIsTakenAndTheTransitionCounted() {
    a.tryAcquireOrRenew();
    b.tryAcquireOrRenew(); // B sees A's record at t=0
    clock.advanceSeconds(15);

    assertThat(b.tryAcquireOrRenew()).as("B at t=15s: A has not renewed for 15 s").isTrue();
    String now = Timestamps.formatMicro(clock.instant());
    assertThat(lease()).isEqualTo(new LeaseSpec("b", 15, now, now, 1));
  }

  @Test
  @Graded(exercise = "3.5", points = 2)
  void renewingKeepsAcquireTimeAndTransitions() {
    a.tryAcquireOrRenew();
    clock.advanceSeconds(2);
    assertThat(a.tryAcquireOrRenew()).as("A renews at t=2s").isTrue();

    LeaseSpec spec = lease();
    assertThat(spec.acquireTime()).as("acquireTime").isEqualTo(Timestamps.formatMicro(t0));
    assertThat(spec.renewTime()).as("renewTime").isEqualTo(Timestamps.formatMicro(clock.instant()));
    assertThat(spec.leaseTransitions()).as("a renewal is not a transition").isZero();
  }

  @Test
  @Graded(exercise = "3.5", points = 1)
  void aWriteOnAStaleResourceVersionFailsTheAttempt() {
    a.tryAcquireOrRenew();
    clock.advanceSeconds(2);
    // Between A's read and A's write, a rival writes the Lease: A's write carries a stale
    // resourceVersion, the server answers Conflict, and A must not believe it renewed.
    AtomicBoolean rivalWrote = new AtomicBoolean();
    client.prependReactor("update", "leases", action -> {
      if (rivalWrote.compareAndSet(false, true)) {
        Lease current = leases.get("kube-system", "kcm");
        leases.update(current.withSpec(current.spec().withRenewTime("2026-01-01T00:00:01.000000Z")));
      }
    });

    assertThat(a.tryAcquireOrRenew()).as("A's renewal over a concurrent change").isFalse();
    assertThat(lease().renewTime()).as("the rival's write stands").isEqualTo("2026-01-01T00:00:01.000000Z");
  }

  @Test
  @Graded(exercise = "3.5", points = 1)
  void aReleasedLeaseIsTakenAtOnce() {
    a.tryAcquireOrRenew();
    b.tryAcquireOrRenew();
    assertThat(a.release()).isTrue();
    assertThat(a.isLeader()).isFalse();

    assertThat(b.tryAcquireOrRenew()).as("B right after A released, well within 15 s").isTrue();
    assertThat(lease().holderIdentity()).isEqualTo("b");
    assertThat(lease().leaseTransitions()).isEqualTo(1);
  }

  @Test
  @Graded(exercise = "3.5", points = 2)
  void aLeaderThatCannotRenewStopsLeadingAfterTheRenewDeadline() {
    // A creates the Lease at t=0; every renewal (an update) then fails.
    client.prependReactor("update", "leases", action -> {
      throw new ConflictException(Status.failure(409, "Conflict", "injected", null));
    });
    a.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> recorderA.started.get());

    // Renewals fail at t = 0, 2, 4, 6, 8 s (retry 2 s); the one at 10 s meets the renew deadline.
    while (recorderA.stoppedAt.get() == null) {
      advanceToNextWakeUp(a, recorderA);
    }
    Duration led = Duration.between(t0, recorderA.stoppedAt.get());
    assertThat(led).as("time from acquiring to giving up (retry 2 s, renew deadline 10 s)")
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(client.actions("update", "leases")).as("renewal attempts").hasSize(6);
  }

  @Test
  @Graded(exercise = "3.5", points = 1)
  void aStoppedLeaderHandsOverToTheStandby() {
    a.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> recorderA.started.get());
    b.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> "a".equals(recorderB.newLeader.get()));

    a.stop();
    assertThat(recorderA.stoppedAt.get()).as("A was told it stopped leading").isNotNull();
    advanceToNextWakeUp(b, recorderB); // B's next retry, long before A's 15 s lease expires
    await().atMost(Duration.ofSeconds(5)).until(() -> recorderB.started.get());
    assertThat(lease().holderIdentity()).isEqualTo("b");
  }

  /**
   * Waits until the elector's loop sleeps, then moves the clock to the instant it waits for and
   * waits until the loop has moved on: one deterministic step of the loop.
   */
  private void advanceToNextWakeUp(LeaderElector elector, Recorder recorder) {
    await().atMost(Duration.ofSeconds(5))
        .until(() -> elector.sleepingUntil() != null || recorder.stoppedAt.get() != null);
    Instant until = elector.sleepingUntil();
    if (until == null) {
      return;
    }
    clock.advance(Duration.between(clock.instant(), until));
    await().atMost(Duration.ofSeconds(5)).until(() -> !until.equals(elector.sleepingUntil()));
  }

  /** Records what the elector told us. */
  private final class Recorder implements LeaderCallbacks {
    final AtomicBoolean started = new AtomicBoolean();
    final AtomicReference<Instant> stoppedAt = new AtomicReference<>();
    final AtomicReference<String> newLeader = new AtomicReference<>();

    @Override
    public void onStartedLeading() {
      started.set(true);
    }

    @Override
    public void onStoppedLeading() {
      stoppedAt.set(clock.instant());
    }

    @Override
    public void onNewLeader(String identity) {
      newLeader.set(identity);
    }
  }
}
