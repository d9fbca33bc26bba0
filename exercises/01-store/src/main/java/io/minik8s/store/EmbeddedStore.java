package io.minik8s.store;

import io.minik8s.store.api.CompactionResponse;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.StatusResponse;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.lease.Lessor;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.CommitLog;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.MutationLog;
import io.minik8s.store.mvcc.MvccStore;
import io.minik8s.store.mvcc.StoreState;
import io.minik8s.store.watch.SyncingWatchHub;
import io.minik8s.store.watch.WatchHub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The store in this process: an {@link MvccStore} for keys, a {@link Lessor} for leases, a
 * {@link WatchHub} for watches, and a {@link MutationLog} for durability ({@link MutationLog#NONE}
 * in memory), behind etcd's {@link KeyValueStore} contract. One store is a one-member cluster:
 * every header carries the same cluster and member ids and the store's current revision.
 *
 * <p>A daemon timer thread expires leases (calling {@link #expireLeases()} every
 * {@link Builder#leaseCheckInterval}; tests drive time with a {@code ManualClock} and call it
 * themselves) and sends watch progress notifications. {@link #close()} stops it, cancels the
 * watches and closes the log.
 */
public final class EmbeddedStore implements KeyValueStore {

  /** The etcd API version this store speaks, as status reports it. */
  public static final String VERSION = "3.4.0";

  /** Responses a watch may have waiting before it is canceled as too slow (etcd buffers 128 per watch stream). */
  static final int WATCH_BUFFER = 1024;

  private final Lessor lessor;
  private final MvccStore mvcc;
  private final WatchHub watchHub;
  private final MutationLog log;
  private final ScheduledExecutorService leaseExpiry;
  /** Delivers watch responses to listeners, off the store's write lock; daemon threads. */
  private final ExecutorService watchDelivery;

  private EmbeddedStore(Builder builder) {
    this.log = builder.mutationLog;
    this.lessor = new Lessor(builder.clock);
    this.mvcc =
        builder.state == null
            ? new MvccStore(lessor, this::publish, log)
            : MvccStore.restore(builder.state, lessor, this::publish, log);
    this.watchDelivery = Executors.newCachedThreadPool(daemon("store-watch-delivery"));
    this.watchHub =
        builder.watchHub != null
            ? builder.watchHub.apply(mvcc)
            : new SyncingWatchHub(mvcc, watchDelivery, WATCH_BUFFER, MvccStore::header);
    this.leaseExpiry = Executors.newSingleThreadScheduledExecutor(daemon("store-timers"));
    long interval = builder.leaseCheckInterval.toMillis();
    leaseExpiry.scheduleWithFixedDelay(this::expireLeasesQuietly, interval, interval, TimeUnit.MILLISECONDS);
    long progress = builder.progressNotifyInterval.toMillis();
    leaseExpiry.scheduleWithFixedDelay(this::notifyProgressQuietly, progress, progress, TimeUnit.MILLISECONDS);
  }

  /** An empty in-memory store (no durability) on {@code clock}. */
  public static EmbeddedStore inMemory(Clock clock) {
    return builder().clock(clock).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The pieces of a store; every one has an in-memory default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private MutationLog mutationLog = MutationLog.NONE;
    private Function<CommitLog, WatchHub> watchHub; // null: the real hub, see the constructor
    private Duration progressNotifyInterval = Duration.ofMinutes(10);
    private StoreState state;
    private Duration leaseCheckInterval = Duration.ofMillis(500);

    private Builder() {}

    /** The time leases are measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Where every mutation is recorded before it is acknowledged. */
    public Builder mutationLog(MutationLog mutationLog) {
      this.mutationLog = Objects.requireNonNull(mutationLog);
      return this;
    }

    /**
     * How often idle watches that asked for progress notifications get one; etcd's default is 10
     * minutes, and the Kubernetes API server's watch cache wants a few seconds.
     */
    public Builder progressNotifyInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("progress notify interval must be positive, got " + interval);
      }
      this.progressNotifyInterval = interval;
      return this;
    }

    /** Replaces the watch hub, for tests; the store publishes every commit to it, once durable. */
    public Builder watchHub(Function<CommitLog, WatchHub> watchHub) {
      this.watchHub = Objects.requireNonNull(watchHub);
      return this;
    }

    /** Starts from a snapshot's state (then the WAL helper {@link #apply}s the log's tail). */
    public Builder state(StoreState state) {
      this.state = state;
      return this;
    }

    /** How often the expiry thread looks for expired leases; tests make it long and call it themselves. */
    public Builder leaseCheckInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("lease check interval must be positive, got " + interval);
      }
      this.leaseCheckInterval = interval;
      return this;
    }

    public EmbeddedStore build() {
      return new EmbeddedStore(this);
    }
  }

  private void publish(Commit commit) {
    WatchHub hub = watchHub; // null only while restoring, which publishes nothing
    if (hub != null) {
      hub.publish(commit);
    }
  }

  private ResponseHeader header() {
    return mvcc.durableHeader();
  }

  @Override
  public RangeResponse range(RangeRequest request) {
    return mvcc.range(request);
  }

  @Override
  public PutResponse put(PutRequest request) {
    return mvcc.put(request);
  }

  @Override
  public DeleteRangeResponse deleteRange(DeleteRangeRequest request) {
    return mvcc.deleteRange(request);
  }

  @Override
  public TxnResponse txn(TxnRequest request) {
    return mvcc.txn(request);
  }

  @Override
  public CompactionResponse compact(long revision) {
    return mvcc.compact(revision);
  }

  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    return watchHub.watch(request, listener);
  }

  @Override
  public Lease.GrantResponse leaseGrant(long ttlSeconds, long id) {
    Lessor.TimeToLive granted = lessor.grant(id, ttlSeconds);
    return new Lease.GrantResponse(header(), granted.id(), granted.grantedTtl());
  }

  @Override
  public Lease.RevokeResponse leaseRevoke(long id) {
    lessor.revoke(id);
    return new Lease.RevokeResponse(header());
  }

  @Override
  public Lease.KeepAliveResponse leaseKeepAlive(long id) {
    long ttl = lessor.keepAlive(id);
    if (ttl <= 0) {
      // etcd's wire answer is a response without a TTL; its Go client, and this contract, make
      // that LEASE_NOT_FOUND (clientv3/lease.go), so every KeyValueStore reports it the same way
      throw StoreError.LEASE_NOT_FOUND.exception();
    }
    return new Lease.KeepAliveResponse(header(), id, ttl);
  }

  @Override
  public Lease.TimeToLiveResponse leaseTimeToLive(long id, boolean keys) {
    Lessor.TimeToLive ttl = lessor.timeToLive(id);
    return new Lease.TimeToLiveResponse(header(), id, ttl.ttl(), ttl.grantedTtl(), keys ? ttl.keys() : List.of());
  }

  @Override
  public StatusResponse status() {
    ResponseHeader header = header();
    return new StatusResponse(header, VERSION, mvcc.dbSize(), MvccStore.MEMBER_ID, header.revision(), MvccStore.RAFT_TERM);
  }

  /** Revokes every lease past its deadline: what the expiry thread runs; returns the ids revoked. */
  public List<Long> expireLeases() {
    return lessor.expireDue();
  }

  private void notifyProgressQuietly() {
    try {
      watchHub.notifyProgress();
    } catch (RuntimeException e) {
      // Keep the schedule alive: a scheduled task that throws is never run again.
      System.getLogger(EmbeddedStore.class.getName()).log(System.Logger.Level.WARNING, "progress notification failed", e);
    }
  }

  private void expireLeasesQuietly() {
    try {
      expireLeases();
    } catch (RuntimeException e) {
      // Keep the schedule alive: a failed round is retried at the next tick.
      System.getLogger(EmbeddedStore.class.getName()).log(System.Logger.Level.WARNING, "lease expiry failed", e);
    }
  }

  /** Applies a mutation read back from the write-ahead log (see {@link MvccStore#apply}). */
  public void apply(Mutation mutation) {
    mvcc.apply(mutation);
  }

  /** The state with a value read at the same instant (see {@link MvccStore#exportStateWith}). */
  public <T> MvccStore.Exported<T> exportStateWith(java.util.function.Supplier<T> sameInstant) {
    return mvcc.exportStateWith(sameInstant);
  }

  /** The state a snapshot saves (see {@link MvccStore#exportState}). */
  public StoreState exportState() {
    return mvcc.exportState();
  }

  /** The store's history, as the watch hub and the WAL helper read it. */
  public CommitLog commitLog() {
    return mvcc;
  }

  @Override
  public void close() {
    leaseExpiry.shutdownNow();
    watchHub.close();
    watchDelivery.shutdown();
    log.close();
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
