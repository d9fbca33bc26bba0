package io.minik8s.store.watch;

import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.mvcc.Commit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One watch: what it watches, how far it has been sent, and its {@link Outbox}. Upstream:
 * server/storage/mvcc/watcher.go ({@code watcher}, whose {@code minRev} is our
 * {@link #nextRevision}).
 */
final class Watcher implements Watch {

  /** Where a watcher is: its group in the hub, or gone. */
  enum State {
    /** Replaying history: the sync step sends it commits, {@code publish} skips it. */
    UNSYNCED,
    /** Caught up: {@code publish} sends it every commit it watches. */
    SYNCED,
    CANCELED
  }

  private final long id;
  final KeyRange range;
  final boolean prevKv;
  final boolean progressNotify;
  /** As asked: 0 for "from the next commit". */
  final long startRevision;
  final Outbox outbox;
  private final SyncingWatchHub hub;

  // Guarded by the hub's lock.
  /**
   * The first revision not yet handed to this watcher: every commit below it that it watches is in
   * its outbox (or was delivered), none at or above it is. A commit below it is never sent again.
   */
  long nextRevision;

  /**
   * Written under the hub's lock. Volatile so that {@link SyncingWatchHub#onEmptied} can see
   * without the lock that a watcher is synced or canceled: neither state ever leads back to
   * unsynced.
   */
  volatile State state;

  /** No events were queued since the last progress notification (etcd's {@code progress[id]}). */
  boolean idle = true;

  Watcher(long id, WatchRequest request, WatchListener listener, Executor executor, int capacity, SyncingWatchHub hub) {
    this.id = id;
    this.range = KeyRange.of(request.key(), request.rangeEnd());
    this.prevKv = request.prevKv();
    this.progressNotify = request.progressNotify();
    this.startRevision = request.startRevision();
    this.hub = hub;
    this.outbox = new Outbox(listener, executor, capacity, () -> hub.onEmptied(this));
  }

  @Override
  public long id() {
    return id;
  }

  /** Cancels the watch; no response is delivered after this returns (see {@link Outbox#close}). */
  @Override
  public void close() {
    hub.cancel(this);
  }

  /**
   * The events of {@code commit} this watcher sees, in the commit's order: those on a key in its
   * range, each without its {@code prevKv} unless the watch asked for it. Empty if none.
   */
  List<WatchEvent> eventsOf(Commit commit) {
    // BEGIN EXERCISE 1.3 — the events of a commit this watcher sees: keys in its range, prevKv only if asked
    throw new UnsupportedOperationException("TODO exercise 1.3: the events of a commit this watcher sees: keys in its range, prevKv only if asked");
    // END EXERCISE 1.3
  }

  @Override
  public String toString() {
    return "watch " + id + " on " + range;
  }
}
