package io.minik8s.store.mvcc;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.CompactionResponse;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.RequestChecks;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.ResponseOp;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.lease.LeaseStore;
import io.minik8s.store.lease.Lessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The multi-version key-value store: every write creates a new store revision, and every key's
 * past versions stay readable until compacted. Thread-safe.
 *
 * <p>Each write goes, holding the write lock and in this order: applied to the {@link TreeIndex}
 * and the {@link History}, appended to the {@link MutationLog}; then, outside the lock, it waits
 * until the log says it is durable (concurrent writers share an fsync); then, holding the lock
 * again, every commit that is now durable is published to the commit listener (the watch hub), in
 * revision order. So the log, the watchers and readers all see the same order, and a watcher
 * never sees a commit a crash could take back: {@link #commitsAfter} and {@link #currentRevision},
 * what the hub reads, stop at the last published revision too.
 *
 * <p>Readers may thus see a write before it is durable. An answer that reports such writes
 * without making one (a range, a delete of nothing, a txn that only reads, the header of a lease
 * or status answer) therefore waits, outside the lock, for everything appended before it
 * ({@link MutationLog#appended()}): otherwise a crash could take back a revision a client was
 * told, and the store would hand it out again for other writes. etcd avoids this by applying an
 * entry only after raft persisted it.
 *
 * <p>Errors are etcd's: {@link StoreError#EMPTY_KEY}, COMPACTED, FUTURE_REVISION,
 * LEASE_NOT_FOUND, DUPLICATE_KEY, TOO_MANY_OPERATIONS, as {@link io.minik8s.store.api.StoreException}s.
 * A request is checked completely before it changes anything, so a failed request changes nothing.
 *
 * <p>Upstream: etcd's mvcc/kvstore.go, kvstore_txn.go, kvstore_compaction.go and, for
 * transactions, etcdserver/apply.go.
 */
public final class MvccStore implements CommitLog, LeaseStore {

  /** Fixed ids for the header: one store is one single-member cluster. */
  public static final long CLUSTER_ID = 0x6d696e696b387331L; // "minik8s1"

  public static final long MEMBER_ID = 0x1L;

  /** No Raft (yet): the term never changes. */
  public static final long RAFT_TERM = 1;

  /**
   * Guards every field below, and the lessor's key attachments (its monitor is taken inside this
   * lock, never the other way round). Writers hold the write lock while they apply and append,
   * release it while they wait for durability, and take it again to publish; readers hold the
   * read lock.
   */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private final TreeIndex index = new TreeIndex();
  private final History history = new History();
  /**
   * The commits from {@link #compactRevision} on, by revision: what a watch from the past replays.
   * The one at the compact revision holds only what compaction kept of it ({@link
   * Commit#keptByCompaction}); the snapshot does not store it (its base keys hold the same puts).
   */
  private final NavigableMap<Long, Commit> commits = new TreeMap<>();
  /** etcd starts at revision 1: the first write makes revision 2. */
  private long currentRevision = 1;
  private long compactRevision;
  /**
   * Commits recorded and logged but not yet known durable, oldest first: the hub gets them only
   * once they are ({@link #publishDurableLocked}).
   */
  private final java.util.ArrayDeque<Commit> unpublished = new java.util.ArrayDeque<>();
  /** The newest revision the hub has been given; what the hub may read of the history. */
  private long publishedRevision = 1;

  private final Lessor lessor;
  private final Consumer<Commit> listener;
  private final MutationLog log;

  /** An empty store. Connects itself to {@code lessor} (which revokes through it). */
  public MvccStore(Lessor lessor, Consumer<Commit> listener, MutationLog log) {
    this.lessor = lessor;
    this.listener = listener;
    this.log = log;
    lessor.setStore(this);
  }

  /**
   * A store with the state a snapshot holds, leases included (into {@code lessor}, with fresh
   * TTLs). The state's commits are replayed, not published: no one watches a store being built.
   *
   * @throws IllegalArgumentException if the commits do not arrive at the state's revision
   */
  public static MvccStore restore(StoreState state, Lessor lessor, Consumer<Commit> listener, MutationLog log) {
    MvccStore store = new MvccStore(lessor, listener, log);
    store.lock.writeLock().lock();
    try {
      store.restoreLocked(state);
    } finally {
      store.lock.writeLock().unlock();
    }
    return store;
  }

  public static ResponseHeader header(long revision) {
    return new ResponseHeader(CLUSTER_ID, MEMBER_ID, revision, RAFT_TERM);
  }

  // ---- reads ----

  public RangeResponse range(RangeRequest request) {
    RequestChecks.requireKey(request.key());
    RangeResponse response;
    MutationLog.Durable seen;
    lock.readLock().lock();
    try {
      response = newTxnLocked().range(request);
      seen = log.appended();
    } finally {
      lock.readLock().unlock();
    }
    seen.await(); // the read may include writes not yet durable: see the class comment
    return response;
  }

  /** A header with the current revision, once every write up to it is durable. */
  public ResponseHeader durableHeader() {
    long revision;
    MutationLog.Durable seen;
    lock.readLock().lock();
    try {
      revision = currentRevision;
      seen = log.appended();
    } finally {
      lock.readLock().unlock();
    }
    seen.await();
    return header(revision);
  }

  /** The newest revision watchers may see: durable, and published to the commit listener. */
  @Override
  public long currentRevision() {
    lock.readLock().lock();
    try {
      return publishedRevision;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long compactRevision() {
    lock.readLock().lock();
    try {
      return compactRevision;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Commit> commitsAfter(long after) {
    lock.readLock().lock();
    try {
      if (after + 1 < compactRevision) {
        throw StoreError.COMPACTED.exception();
      }
      return List.copyOf(commits.subMap(after, false, publishedRevision, true).values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Roughly the bytes of every stored version: what status reports. */
  public long dbSize() {
    lock.readLock().lock();
    try {
      return history.byteSize();
    } finally {
      lock.readLock().unlock();
    }
  }

  // ---- writes ----

  /** @throws io.minik8s.store.api.StoreException EMPTY_KEY, LEASE_NOT_FOUND */
  public PutResponse put(PutRequest request) {
    RequestChecks.requireKey(request.key());
    return write(txn -> {
      if (request.lease() != 0) {
        checkLeaseLocked(request.lease());
      }
      return txn.put(request);
    });
  }

  /** Deletes the existing keys of the range at one revision; deleting nothing makes no revision. */
  public DeleteRangeResponse deleteRange(DeleteRangeRequest request) {
    RequestChecks.requireKey(request.key());
    return write(txn -> txn.deleteRange(request));
  }

  /**
   * Evaluates every compare (those of nested transactions too) against the store as it is before
   * the transaction, as etcd does; then applies the chosen branches, all at one revision. Reads
   * in a branch see the branch's earlier writes. A transaction that writes nothing makes no
   * revision.
   *
   * @throws io.minik8s.store.api.StoreException EMPTY_KEY, TOO_MANY_OPERATIONS, DUPLICATE_KEY,
   *     LEASE_NOT_FOUND (a put of the chosen branch), COMPACTED or FUTURE_REVISION (a range of it)
   */
  public TxnResponse txn(TxnRequest request) {
    RequestChecks.check(request);
    return write(txn -> {
      TxnPath path = decide(request, txn);
      checkPathLocked(request, path);
      return applyTxn(txn, request, path);
    });
  }

  /** Which branch each (nested) transaction takes, decided before the first write. */
  record TxnPath(boolean succeeded, List<TxnPath> nested) {}

  /** Evaluates the compares of {@code request} and of the nested txns of the branch it takes. */
  static TxnPath decide(TxnRequest request, StoreTxn txn) {
    // BEGIN EXERCISE 1.2 — decide the branch of a txn and of its nested txns, before any write
    boolean succeeded = Compares.allHold(request.compare(), txn);
    List<TxnPath> nested = new ArrayList<>();
    for (RequestOp op : succeeded ? request.success() : request.failure()) {
      if (op instanceof RequestOp.Txn t) {
        nested.add(decide(t.request(), txn));
      }
    }
    return new TxnPath(succeeded, nested);
    // END EXERCISE 1.2
  }

  /** Applies the branch {@code path} chose, op by op, every write at the txn's one revision. */
  static TxnResponse applyTxn(StoreTxn txn, TxnRequest request, TxnPath path) {
    // BEGIN EXERCISE 1.2 — apply the chosen branch op by op, at one revision
    List<ResponseOp> responses = new ArrayList<>();
    Iterator<TxnPath> nested = path.nested().iterator();
    for (RequestOp op : path.succeeded() ? request.success() : request.failure()) {
      if (op instanceof RequestOp.Range r) {
        responses.add(new ResponseOp.Range(txn.range(r.request())));
      } else if (op instanceof RequestOp.Put p) {
        responses.add(new ResponseOp.Put(txn.put(p.request())));
      } else if (op instanceof RequestOp.DeleteRange d) {
        responses.add(new ResponseOp.DeleteRange(txn.deleteRange(d.request())));
      } else if (op instanceof RequestOp.Txn t) {
        responses.add(new ResponseOp.Txn(applyTxn(txn, t.request(), nested.next())));
      }
    }
    return new TxnResponse(header(txn.readRevision()), path.succeeded(), responses);
    // END EXERCISE 1.2
  }

  /**
   * The checks etcd makes on the chosen branches before applying them (etcdserver/apply.go,
   * {@code checkRequests}): leases of puts exist, revisions of ranges are readable.
   */
  private void checkPathLocked(TxnRequest request, TxnPath path) {
    Iterator<TxnPath> nested = path.nested().iterator();
    for (RequestOp op : path.succeeded() ? request.success() : request.failure()) {
      if (op instanceof RequestOp.Put p && p.request().lease() != 0) {
        checkLeaseLocked(p.request().lease());
      } else if (op instanceof RequestOp.Range r && r.request().revision() > 0) {
        if (r.request().revision() > currentRevision) {
          throw StoreError.FUTURE_REVISION.exception();
        }
        if (r.request().revision() < compactRevision) {
          throw StoreError.COMPACTED.exception();
        }
      } else if (op instanceof RequestOp.Txn t) {
        checkPathLocked(t.request(), nested.next());
      }
    }
  }

  /** @throws io.minik8s.store.api.StoreException LEASE_NOT_FOUND if the lease does not exist */
  private void checkLeaseLocked(long lease) {
    // BEGIN EXERCISE 1.4 — refuse a put with a lease that does not exist
    if (!lessor.exists(lease)) {
      throw StoreError.LEASE_NOT_FOUND.exception();
    }
    // END EXERCISE 1.4
  }

  /**
   * Discards the history at or below {@code revision} except what is live at it: reads below it
   * then fail with COMPACTED, reads at or above it still work, and a watch from it replays only the
   * puts made at it ({@link CommitLog#commitsAfter}).
   *
   * @throws io.minik8s.store.api.StoreException COMPACTED if already compacted at or after
   *     {@code revision}, FUTURE_REVISION if {@code revision} is ahead of the store
   */
  public CompactionResponse compact(long revision) {
    MutationLog.Durable durable;
    long current;
    lock.writeLock().lock();
    try {
      compactLocked(revision);
      durable = log.append(new Mutation.Compacted(revision));
      current = currentRevision;
    } finally {
      lock.writeLock().unlock();
    }
    durable.await();
    publishDurable(current);
    return new CompactionResponse(header(current));
  }

  /**
   * Verified on etcd 3.4.23: compacting at the current revision works; compacting again at the
   * same or a lower revision is COMPACTED; above the current revision, FUTURE_REVISION
   * (mvcc/kvstore.go, {@code updateCompactRev}).
   */
  private void compactLocked(long revision) {
    // BEGIN EXERCISE 1.5 — compact the store: index, history and the commits watchers replay
    if (revision <= compactRevision) {
      throw StoreError.COMPACTED.exception();
    }
    if (revision > currentRevision) {
      throw StoreError.FUTURE_REVISION.exception();
    }
    Set<Revision> keep = index.compact(revision);
    history.compact(revision, keep);
    Commit atRevision = commits.get(revision);
    commits.headMap(revision, true).clear();
    if (atRevision != null) {
      Commit kept = atRevision.keptByCompaction(); // a watch from `revision` still replays its puts
      if (!kept.events().isEmpty()) {
        commits.put(revision, kept);
      }
    }
    compactRevision = revision;
    // END EXERCISE 1.5
  }

  // ---- leases (called by the lessor) ----

  @Override
  public void recordGrant(long id, long ttlSeconds) {
    MutationLog.Durable durable;
    lock.writeLock().lock();
    try {
      durable = log.append(new Mutation.LeaseGranted(id, ttlSeconds));
    } finally {
      lock.writeLock().unlock();
    }
    durable.await();
  }

  @Override
  public void revoke(long id) {
    MutationLog.Durable durable;
    long written;
    lock.writeLock().lock();
    try {
      durable = revokeLocked(id);
      written = currentRevision;
    } finally {
      lock.writeLock().unlock();
    }
    durable.await();
    publishDurable(written);
  }

  /**
   * Forgets the lease and deletes, in one revision, its keys that still carry it.
   *
   * @return the log append to wait for
   */
  private MutationLog.Durable revokeLocked(long id) {
    // BEGIN EXERCISE 1.4 — revoke a lease: delete its keys in one revision
    List<Bytes> keys = lessor.remove(id);
    StoreTxn txn = newTxnLocked();
    for (Bytes key : keys) {
      KeyValue kv = txn.live(key);
      if (kv != null && kv.lease() == id) {
        txn.delete(kv);
      }
    }
    MutationLog.Durable deleted = commitLocked(txn);
    MutationLog.Durable revoked = log.append(new Mutation.LeaseRevoked(id));
    return () -> {
      deleted.await();
      revoked.await();
    };
    // END EXERCISE 1.4
  }

  // ---- replay and snapshots ----

  /**
   * Applies a mutation read back from the log, reproducing exactly the revisions it recorded.
   * Nothing is logged or published.
   *
   * @throws IllegalStateException if a write does not follow the current revision, or replays to
   *     something else than it recorded
   */
  public void apply(Mutation mutation) {
    lock.writeLock().lock();
    try {
      if (mutation instanceof Mutation.Write w) {
        replayLocked(w.commit());
      } else if (mutation instanceof Mutation.LeaseGranted g) {
        lessor.restore(g.id(), g.ttlSeconds());
      } else if (mutation instanceof Mutation.LeaseRevoked r) {
        if (lessor.exists(r.id())) {
          lessor.remove(r.id());
        }
      } else if (mutation instanceof Mutation.Compacted c) {
        compactLocked(c.revision());
      }
      publishedRevision = currentRevision; // replayed from the log: durable
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void replayLocked(Commit commit) {
    if (commit.revision() != currentRevision + 1) {
      throw new IllegalStateException(
          "cannot replay revision " + commit.revision() + " on a store at revision " + currentRevision);
    }
    StoreTxn txn = newTxnLocked();
    for (WatchEvent event : commit.events()) {
      KeyValue kv = event.kv();
      if (event.type() == WatchEvent.Type.PUT) {
        txn.put(new PutRequest(kv.key(), kv.value(), kv.lease(), false));
      } else {
        KeyValue prev = txn.live(kv.key());
        if (prev == null) {
          throw new IllegalStateException("revision " + commit.revision() + " deletes " + kv.key() + ", which does not exist");
        }
        txn.delete(prev);
      }
    }
    if (!txn.events().equals(commit.events())) {
      throw new IllegalStateException("replaying revision " + commit.revision() + " made " + txn.events()
          + ", the log recorded " + commit.events());
    }
    recordLocked(txn);
  }

  /**
   * The store as a snapshot holds it: the keys live at the compacted revision, the commits since,
   * the leases. {@link #restore} of it gives a store answering every read the same way.
   */
  public StoreState exportState() {
    lock.readLock().lock();
    try {
      List<KeyValue> base =
          compactRevision == 0
              ? List.of()
              : index.range(Bytes.ZERO, Bytes.ZERO, compactRevision).stream()
                  .map(e -> history.get(e.found().modified()))
                  .toList();
      List<Commit> after = List.copyOf(commits.tailMap(compactRevision, false).values());
      return new StoreState(currentRevision, compactRevision, base, after, lessor.records());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The store's state paired with a value read at the same instant, with no write in progress: a
   * snapshot needs the state and the last WAL sequence it includes, and a write appends to the WAL
   * under the write lock, so reading both under it keeps them consistent.
   */
  public <T> Exported<T> exportStateWith(java.util.function.Supplier<T> sameInstant) {
    lock.writeLock().lock();
    try {
      return new Exported<>(exportState(), sameInstant.get());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** A state and what was read with it. */
  public record Exported<T>(StoreState state, T with) {}

  private void restoreLocked(StoreState state) {
    for (StoreState.LeaseRecord lease : state.leases()) {
      lessor.restore(lease.id(), lease.ttlSeconds());
    }
    // A snapshot keeps no sub revisions; keys changed by one txn get distinct ones in key order.
    Map<Long, Long> nextSub = new HashMap<>();
    List<WatchEvent> keptAtCompactRevision = new ArrayList<>();
    for (KeyValue kv : state.baseKeys()) {
      long sub = nextSub.merge(kv.modRevision(), 1L, Long::sum) - 1;
      Revision modified = new Revision(kv.modRevision(), sub);
      index.restore(kv.key(), new Revision(kv.createRevision(), 0), modified, kv.version());
      history.put(modified, kv);
      if (kv.lease() != 0) {
        lessor.attach(kv.lease(), kv.key());
      }
      if (kv.modRevision() == state.compactRevision()) {
        keptAtCompactRevision.add(new WatchEvent(WatchEvent.Type.PUT, kv, null));
      }
    }
    compactRevision = state.compactRevision();
    if (!keptAtCompactRevision.isEmpty()) {
      // What compaction kept of the commit at the compact revision: its puts (Commit#keptByCompaction).
      commits.put(compactRevision, new Commit(compactRevision, keptAtCompactRevision));
    }
    currentRevision = Math.max(1, compactRevision);
    for (Commit commit : state.commits()) {
      replayLocked(commit);
    }
    if (currentRevision != state.revision()) {
      throw new IllegalArgumentException("snapshot says revision " + state.revision()
          + " but its commits end at " + currentRevision);
    }
    publishedRevision = currentRevision; // restored history is durable: watchers may replay it
  }

  // ---- plumbing ----

  private StoreTxn newTxnLocked() {
    return new StoreTxn(index, history, lessor, currentRevision, compactRevision);
  }

  /** Runs {@code op} under the write lock, commits what it changed, waits for durability. */
  private <T> T write(Function<StoreTxn, T> op) {
    T result;
    MutationLog.Durable durable;
    long written;
    lock.writeLock().lock();
    try {
      StoreTxn txn = newTxnLocked();
      result = op.apply(txn);
      durable = commitLocked(txn);
      written = currentRevision;
    } finally {
      lock.writeLock().unlock();
    }
    durable.await();
    publishDurable(written);
    return result;
  }

  /**
   * Publishes, in order, every commit up to {@code durable}: the log makes records durable in
   * order, so once this writer's commit is, so is every one before it. Whichever writer gets here
   * first publishes for the others; later ones find nothing left.
   */
  private void publishDurable(long durable) {
    lock.writeLock().lock();
    try {
      publishDurableLocked(durable);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void publishDurableLocked(long durable) {
    while (!unpublished.isEmpty() && unpublished.peekFirst().revision() <= durable) {
      Commit commit = unpublished.pollFirst();
      publishedRevision = commit.revision();
      listener.accept(commit);
    }
  }

  /** Makes the txn's changes the new revision: records and logs them, if any; published once durable. */
  private MutationLog.Durable commitLocked(StoreTxn txn) {
    Commit commit = recordLocked(txn);
    if (commit == null) {
      return log.appended(); // nothing to log, but the answer reports the current revision
    }
    MutationLog.Durable durable = log.append(new Mutation.Write(commit));
    unpublished.addLast(commit);
    return durable;
  }

  private Commit recordLocked(StoreTxn txn) {
    if (txn.events().isEmpty()) {
      return null;
    }
    Commit commit = new Commit(txn.writeRevision(), txn.events());
    currentRevision = commit.revision();
    commits.put(commit.revision(), commit);
    return commit;
  }
}
