package io.minik8s.client.leaderelection;

import io.minik8s.client.errors.ApiStatusException;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.coordination.LeaseSpec;
import io.minik8s.objects.meta.Timestamps;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Elects one leader among candidates sharing a Lease (upstream:
 * k8s.io/client-go/tools/leaderelection/leaderelection.go). Each candidate runs the same loop:
 *
 * <ol>
 *   <li>acquire: every {@code retryPeriod}, {@link #tryAcquireOrRenew()} until it succeeds;
 *   <li>lead: call {@code onStartedLeading} (on its own thread), then renew every
 *       {@code retryPeriod}; if renewals keep failing for {@code renewDeadline}, stop leading
 *       ({@code onStoppedLeading}) — before {@code leaseDuration} runs out, so the next leader
 *       never overlaps with us;
 *   <li>on {@link #stop()}: release the lease (clear its holder) so a standby takes over at its
 *       next retry instead of after {@code leaseDuration} (upstream's {@code ReleaseOnCancel}).
 * </ol>
 *
 * <p>Design: expiry is judged on OUR clock, never by comparing the holder's {@code renewTime}
 * with our clock (the machines' clocks may disagree). We remember when we last saw the record
 * change ({@code observedTime}); a holder that has not changed it for {@code
 * leaseDurationSeconds} since then is presumed dead. Clock skew between candidates therefore
 * does not matter, only the rate of time.
 *
 * <p>Differences from upstream, for clarity: no optimistic fast-path renewal (every attempt reads
 * the Lease first), no jitter on the retry period, {@code onNewLeader} runs on the election
 * thread, and {@code onStoppedLeading} is called only after {@code onStartedLeading}.
 */
public final class LeaderElector {

  private static final System.Logger LOG = System.getLogger(LeaderElector.class.getName());

  /** How often a waiting elector looks at the clock (a manual clock in tests advances anytime). */
  private static final long POLL_MILLIS = 5;

  /** The record as we last saw it, and when (on our clock) we first saw it that way. */
  private record Observed(LeaseSpec record, Instant time) {}

  private final LeaseLock lock;
  private final LeaderElectionConfig config;
  private final LeaderCallbacks callbacks;
  private final Clock clock;

  /** Written only inside {@link #tryAcquireOrRenew} and {@link #release}; null before the first read. */
  private volatile Observed observed;

  /** The holder last reported to {@code onNewLeader}. Only the election thread uses it. */
  private String reportedLeader;

  private volatile boolean stopped;
  private final Object wakeUp = new Object();

  /** While the loop waits, the instant it waits for; null otherwise. For tests on a manual clock. */
  private volatile Instant sleepingUntil;
  private Thread thread;

  public LeaderElector(ResourceClient<Lease> leases, LeaderElectionConfig config,
      LeaderCallbacks callbacks) {
    this.lock = new LeaseLock(leases, config.namespace(), config.name());
    this.config = config;
    this.callbacks = callbacks;
    this.clock = config.clock();
  }

  /** Whether the last record we saw or wrote names us as the holder. */
  public boolean isLeader() {
    Observed seen = observed;
    return seen != null && config.identity().equals(seen.record().holderIdentity());
  }

  /** The holder of the last record we saw; null if none. */
  public String leader() {
    Observed seen = observed;
    return seen == null ? null : seen.record().holderIdentity();
  }

  /**
   * One attempt: read the Lease; create it if missing; take it if it is free or expired, renew
   * it if it is ours; give up if another candidate holds it and has renewed it recently. Any
   * error from the server (a conflict: someone wrote the Lease since we read it) fails the
   * attempt.
   *
   * @return whether we hold the lease now
   */
  public synchronized boolean tryAcquireOrRenew() {
    Instant now = clock.instant();
    try {
      Optional<LeaseSpec> current = lock.get();
      if (current.isEmpty()) {
        LeaseSpec record = recordToWrite(null, now);
        lock.create(record);
        observe(record, now);
        return true;
      }
      observe(current.get(), now);
      if (!canAcquireOrRenew(now)) {
        return false;
      }
      LeaseSpec record = recordToWrite(current.get(), now);
      lock.update(record);
      observe(record, now);
      return true;
    } catch (ApiStatusException | UncheckedIOException e) {
      LOG.log(Level.DEBUG, () -> config.identity() + " failed to acquire or renew lease "
          + lock.describe() + ": " + e.getMessage());
      return false;
    }
  }

  /** Remembers {@code record}; the observed time moves only when the record changed. */
  private void observe(LeaseSpec record, Instant now) {
    Observed seen = observed;
    if (seen == null || !seen.record().equals(record)) {
      observed = new Observed(record, now);
    }
  }

  /**
   * Whether we may write the observed record now: it is free (no holder), ours, or its holder
   * has not changed it for {@code leaseDurationSeconds} since we observed it.
   */
  private boolean canAcquireOrRenew(Instant now) {
    Observed seen = observed;
    // BEGIN EXERCISE 3.5 — decide whether the lease can be taken
    String holder = seen.record().holderIdentity();
    if (holder == null || holder.isEmpty() || holder.equals(config.identity())) {
      return true;
    }
    Integer seconds = seen.record().leaseDurationSeconds();
    Instant expiry = seen.time().plusSeconds(seconds == null ? 0 : seconds);
    return !expiry.isAfter(now); // still valid while expiry is after now
    // END EXERCISE 3.5
  }

  /**
   * The record that makes us the holder at {@code now}: a renewal keeps {@code acquireTime} and
   * the transition count; taking over from someone else (or from nobody, after a release) counts
   * one more transition; a new Lease starts at 0.
   *
   * @param old the record read from the Lease; null when creating it
   */
  private LeaseSpec recordToWrite(LeaseSpec old, Instant now) {
    // BEGIN EXERCISE 3.5 — build the lease record to write
    String time = Timestamps.formatMicro(now);
    int seconds = (int) config.leaseDuration().toSeconds();
    if (old == null) {
      return new LeaseSpec(config.identity(), seconds, time, time, 0);
    }
    int transitions = old.leaseTransitions() == null ? 0 : old.leaseTransitions();
    if (config.identity().equals(old.holderIdentity())) {
      return new LeaseSpec(config.identity(), seconds, old.acquireTime(), time, transitions);
    }
    return new LeaseSpec(config.identity(), seconds, time, time, transitions + 1);
    // END EXERCISE 3.5
  }

  /**
   * Gives the lease up if we hold it: writes a record with no holder and a 1 s duration, so a
   * standby can take it at its next attempt.
   *
   * @return whether the lease is now not ours (released, or held by someone else)
   */
  public synchronized boolean release() {
    Instant now = clock.instant();
    try {
      Optional<LeaseSpec> current = lock.get();
      if (current.isEmpty()) {
        return true;
      }
      observe(current.get(), now);
      if (!isLeader()) {
        return true;
      }
      String time = Timestamps.formatMicro(now);
      LeaseSpec released = new LeaseSpec(null, 1, time, time, current.get().leaseTransitions());
      lock.update(released);
      observe(released, now);
      return true;
    } catch (ApiStatusException | UncheckedIOException e) {
      LOG.log(Level.WARNING, () -> config.identity() + " failed to release lease "
          + lock.describe() + ": " + e.getMessage());
      return false;
    }
  }

  /** Starts {@link #run()} on a thread named after the lease. */
  public synchronized Thread start() {
    if (thread != null) {
      throw new IllegalStateException("leader elector " + config.identity() + " already started");
    }
    thread = new Thread(this::run, "leader-election-" + config.name() + "-" + config.identity());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Acquires, leads while renewals succeed, then releases if stopped; blocks until then.
   * Upstream's {@code LeaderElector.Run}.
   */
  public void run() {
    if (!acquire()) {
      return; // stopped before we ever led
    }
    Thread leading = new Thread(callbacks::onStartedLeading, "leading-" + config.name());
    leading.setDaemon(true);
    leading.start();
    renewUntilLost();
    if (stopped) {
      release();
    }
    callbacks.onStoppedLeading();
  }

  /** Stops the loop (releasing the lease if held) and waits for it to end. */
  public void stop() {
    stopped = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Tries every retryPeriod until we hold the lease; false if stopped first. */
  private boolean acquire() {
    while (!stopped) {
      boolean acquired = tryAcquireOrRenew();
      reportLeader();
      if (acquired) {
        return true;
      }
      sleep(config.retryPeriod());
    }
    return false;
  }

  /**
   * Renews every retryPeriod. A round of renewal starts with an attempt and retries every
   * retryPeriod; when a round has failed for renewDeadline, leadership is lost and this returns.
   * Also returns when stopped.
   */
  private void renewUntilLost() {
    // BEGIN EXERCISE 3.5 — renew until a round fails for renewDeadline
    while (!stopped) {
      Instant deadline = clock.instant().plus(config.renewDeadline());
      boolean renewed = false;
      while (!stopped && !renewed) {
        renewed = tryAcquireOrRenew();
        reportLeader();
        if (!renewed) {
          if (!clock.instant().isBefore(deadline)) {
            LOG.log(Level.INFO, () -> config.identity() + " lost lease " + lock.describe()
                + ": no renewal within " + config.renewDeadline());
            return;
          }
          sleep(config.retryPeriod());
        }
      }
      sleep(config.retryPeriod());
    }
    // END EXERCISE 3.5
  }

  /**
   * The instant the election loop is waiting for, or null while it is busy: a test on a manual
   * clock advances the clock to it, so the loop's next step happens exactly then.
   */
  Instant sleepingUntil() {
    return sleepingUntil;
  }

  /** Tells the callbacks about a new holder, once per change. */
  private void reportLeader() {
    String holder = leader();
    if (holder != null && !holder.isEmpty() && !holder.equals(reportedLeader)) {
      reportedLeader = holder;
      callbacks.onNewLeader(holder);
    }
  }

  /** Waits {@code duration} on the elector's clock, or until stopped. */
  private void sleep(Duration duration) {
    Instant until = clock.instant().plus(duration);
    sleepingUntil = until;
    try {
      waitUntil(until);
    } finally {
      sleepingUntil = null;
    }
  }

  private void waitUntil(Instant until) {
    synchronized (wakeUp) {
      while (!stopped && clock.instant().isBefore(until)) {
        long remaining = Duration.between(clock.instant(), until).toMillis();
        try {
          wakeUp.wait(Math.max(1, Math.min(remaining, POLL_MILLIS)));
        } catch (InterruptedException e) {
          stopped = true;
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
