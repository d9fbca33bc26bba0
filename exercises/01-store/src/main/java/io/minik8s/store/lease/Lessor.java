package io.minik8s.store.lease;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.mvcc.StoreState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The leases of one store: a lease is a TTL that clients renew with keep-alives; keys put with it
 * are deleted when it is revoked or expires, all in one revision. The API server uses it for
 * Events and node heartbeats; the leader election of module 03 builds on the same idea.
 *
 * <p>Time comes from the injected {@link Clock}: a lease expires when the clock passes its
 * deadline and someone calls {@link #expireDue()} (the store's scheduler in production, the test
 * after advancing a {@code ManualClock}).
 *
 * <p>Thread-safe. Lock order: the store's write lock, then this lessor's monitor; the lessor never
 * calls the store while holding its monitor.
 *
 * <p>Upstream: etcd's lease/lessor.go.
 */
public final class Lessor {

  /**
   * etcd 3.4 raises a smaller TTL to {@code ceil(1.5 * election timeout)}, 2 s with the default
   * 1 s election timeout: verified on etcd 3.4.23, where grants with TTL -5, 0, 1 and 2 all return
   * TTL 2 (etcdserver/server.go, {@code minTTL}).
   */
  public static final long MIN_TTL_SECONDS = 2;

  /** etcd's {@code MaxLeaseTTL}: 9 000 000 000 s; more is LEASE_TTL_TOO_LARGE. */
  public static final long MAX_TTL_SECONDS = 9_000_000_000L;

  /** One lease: its id, the TTL it was granted, when it expires, and the keys attached to it. */
  private static final class Lease {
    final long id;
    final long ttlSeconds;
    Instant deadline;
    final Set<Bytes> keys = new TreeSet<>();

    Lease(long id, long ttlSeconds, Instant deadline) {
      this.id = id;
      this.ttlSeconds = ttlSeconds;
      this.deadline = deadline;
    }
  }

  /** What {@link #timeToLive} reports: {@code ttl} -1 and no keys for an unknown lease. */
  public record TimeToLive(long id, long ttl, long grantedTtl, List<Bytes> keys) {}

  private final Clock clock;
  /** Guarded by {@code this}: the live leases by id. */
  private final Map<Long, Lease> leases = new HashMap<>();
  /** Guarded by {@code this}: the next id to try when the client lets the store choose. */
  private long nextId;
  private volatile LeaseStore store;

  public Lessor(Clock clock) {
    this.clock = clock;
    // Like etcd's idutil, ids start from the time so that a restarted store does not hand out
    // the ids of leases revoked before the restart.
    this.nextId = (clock.millis() & 0xff_ffff_ffffL) << 16 | 1;
  }

  /** Connects the store that deletes keys and records grants (etcd: {@code SetRangeDeleter}). */
  public void setStore(LeaseStore store) {
    this.store = store;
  }

  /**
   * Grants a lease for {@code ttlSeconds} (raised to {@link #MIN_TTL_SECONDS}).
   *
   * @param id the id to use, or 0 to let the lessor choose
   * @return the lease's id and the TTL granted
   * @throws io.minik8s.store.api.StoreException LEASE_EXISTS if {@code id} is taken,
   *     LEASE_TTL_TOO_LARGE above {@link #MAX_TTL_SECONDS}
   */
  public TimeToLive grant(long id, long ttlSeconds) {
    TimeToLive granted = grantLocally(id, ttlSeconds);
    store.recordGrant(granted.id(), granted.grantedTtl());
    return granted;
  }

  private synchronized TimeToLive grantLocally(long id, long ttlSeconds) {
    // BEGIN EXERCISE 1.4 — grant a lease: check the TTL, choose or check the id, start its clock
    throw new UnsupportedOperationException("TODO exercise 1.4: grant a lease: check the TTL, choose or check the id, start its clock");
    // END EXERCISE 1.4
  }

  /**
   * Revokes the lease and deletes its keys in one revision.
   *
   * @throws io.minik8s.store.api.StoreException LEASE_NOT_FOUND
   */
  public void revoke(long id) {
    store.revoke(id);
  }

  /**
   * Forgets the lease and returns its keys, in key order: the store's half of {@link #revoke},
   * called with the store's write lock held.
   *
   * @throws io.minik8s.store.api.StoreException LEASE_NOT_FOUND
   */
  public synchronized List<Bytes> remove(long id) {
    Lease lease = leases.remove(id);
    if (lease == null) {
      throw StoreError.LEASE_NOT_FOUND.exception();
    }
    return List.copyOf(lease.keys);
  }

  /**
   * Restarts the lease's TTL from now.
   *
   * @return the lease's TTL, or 0 if it does not exist or has expired (etcd answers a keep-alive
   *     for an unknown lease with TTL 0, not an error: verified on etcd 3.4.23)
   */
  public synchronized long keepAlive(long id) {
    // BEGIN EXERCISE 1.4 — keep a lease alive: restart its TTL
    throw new UnsupportedOperationException("TODO exercise 1.4: keep a lease alive: restart its TTL");
    // END EXERCISE 1.4
  }

  /**
   * The lease's remaining whole seconds (rounded down, as etcd does), its granted TTL and its keys
   * in key order; for an unknown lease, ttl -1, granted TTL 0 and no keys.
   */
  public synchronized TimeToLive timeToLive(long id) {
    // BEGIN EXERCISE 1.4 — report a lease's remaining seconds and keys
    throw new UnsupportedOperationException("TODO exercise 1.4: report a lease's remaining seconds and keys");
    // END EXERCISE 1.4
  }

  /**
   * Revokes every lease whose deadline has passed (a lease expires when the clock reaches its
   * deadline), each in its own revision.
   *
   * @return the ids revoked, in deadline order
   */
  public List<Long> expireDue() {
    // BEGIN EXERCISE 1.4 — revoke every lease past its deadline
    throw new UnsupportedOperationException("TODO exercise 1.4: revoke every lease past its deadline");
    // END EXERCISE 1.4
  }

  /** The leases whose deadline has passed, earliest first (ties by id). */
  private synchronized List<Long> dueIds() {
    Instant now = clock.instant();
    return leases.values().stream()
        .filter(l -> !now.isBefore(l.deadline))
        .sorted((a, b) -> a.deadline.equals(b.deadline) ? Long.compare(a.id, b.id) : a.deadline.compareTo(b.deadline))
        .map(l -> l.id)
        .toList();
  }

  public synchronized boolean exists(long id) {
    return leases.containsKey(id);
  }

  /** Attaches the key to the lease; false if the lease does not exist. */
  public synchronized boolean attach(long id, Bytes key) {
    Lease lease = leases.get(id);
    if (lease == null) {
      return false;
    }
    lease.keys.add(key);
    return true;
  }

  public synchronized void detach(long id, Bytes key) {
    Lease lease = leases.get(id);
    if (lease != null) {
      lease.keys.remove(key);
    }
  }

  /** Re-creates a lease from a snapshot or a log replay, with a fresh TTL, as etcd does on restart. */
  public synchronized void restore(long id, long ttlSeconds) {
    leases.put(id, new Lease(id, ttlSeconds, clock.instant().plusSeconds(ttlSeconds)));
  }

  /** The leases as a snapshot holds them, by id. */
  public synchronized List<StoreState.LeaseRecord> records() {
    return leases.values().stream()
        .sorted((a, b) -> Long.compare(a.id, b.id))
        .map(l -> new StoreState.LeaseRecord(l.id, l.ttlSeconds))
        .toList();
  }
}
