package io.minik8s.store.watch;

import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.CommitLog;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * The {@link WatchHub} of one store, built like etcd's watchable store: watchers in two groups,
 * "synced" ones fed by {@link #publish} and "unsynced" ones replaying history, and a sync step
 * that moves the second kind to the first.
 *
 * <p>Responses reach a listener on the {@code executor}, one at a time per watch, in order:
 * {@code created}, event batches (one per revision), progress notifications, and a final
 * {@code canceled} when the hub ends the watch. The executor must run tasks on threads of its own
 * (a thread pool, never a direct executor): publish queues work on it while the store holds its
 * write lock. Each watch has at most one task queued at a time, so a listener that blocks holds one
 * thread and delays only its own watch, as long as the executor has threads to spare.
 */
public final class SyncingWatchHub implements WatchHub {

  /*
   * Design.
   *
   * The store calls publish(commit) under its write lock, in revision order, and reads of the
   * CommitLog take its read lock. So the hub must never read the log while holding its own lock:
   * a reader holding our lock and waiting for the store's, and publish holding the store's and
   * waiting for ours, would deadlock. etcd can hold both (it reads under s.mu and the store's
   * revMu together); we cannot, and the sync step is built around that.
   *
   * State (all under `lock`): the synced and unsynced groups, publishedRevision (the last revision
   * publish saw), and per watcher its nextRevision: every commit below it that the watcher watches
   * is in its outbox, none at or above it is. Two rules keep each commit delivered exactly once:
   *
   *   (1) publish(c) only looks at synced watchers, and skips one with c.revision < nextRevision
   *       (already sent, or the watch starts in the future);
   *   (2) the sync step moves a watcher to synced only if nextRevision > publishedRevision: no
   *       commit it still needs has been published yet, so publish will bring every one of them.
   *
   * A sync round: (a) under the lock, cancel watchers whose nextRevision is below the compact
   * revision (etcd replays from the compact revision itself, what compaction kept of it) and choose
   * `from`, the smallest nextRevision of the rest; (b) without the lock, read commitsAfter(from-1),
   * which ends at some revision R; (c) under the lock, replay to each unsynced watcher the commits
   * in [nextRevision, R] it watches, set nextRevision to R+1, and apply rule (2). A watcher whose
   * nextRevision is below `from` joined after (a): the read does not reach back to its start, so it
   * waits for the next round.
   *
   * Worked example. Revisions 1..5 are committed; watcher W asks to start at 3.
   *
   *   watch(W, start 3)   3 <= publishedRevision 5: W is unsynced, nextRevision 3, sync scheduled
   *   sync (a)            from = 3
   *   sync (b)            commitsAfter(2) returns 3, 4, 5: R = 5           (no hub lock held)
   *   publish(6)          meanwhile: W is not synced, so publish skips it; publishedRevision = 6
   *   sync (c)            W gets 3, 4, 5; nextRevision = 6; 6 > 6 is false: W stays unsynced
   *   next round          commitsAfter(5) returns 6: W gets 6, nextRevision = 7 > 6: W is synced
   *   publish(7)          W is synced and 7 >= 7: W gets 7
   *
   * W received 3, 4, 5, 6, 7: each once, in order. The two tempting shortcuts both break here.
   * Moving W to synced at (a), before reading, sends it 6 live before 3, 4, 5 are replayed: out of
   * order. Moving it at (c) without rule (2) loses 6, which was published while W was unsynced and
   * is not in the history that was read. (SyncingWatchHubTest redraws this trace.)
   *
   * Defence in depth: MvccStore's history stops at the revision it last published, but if a
   * store let R exceed publishedRevision, rule (2) would move W with nextRevision = R+1 and rule
   * (1) would drop the late publish of a commit W already replayed. Sync rounds may overlap on a thread pool; each replays
   * only revisions at or above a watcher's nextRevision, so an overlap delivers nothing twice.
   *
   * Slow watchers. Every outbox holds at most maxPendingResponses undelivered responses. Live
   * commits are not worth waiting for: a synced watcher whose outbox is full is canceled with a
   * reason telling it where to resume, so publish never blocks and other watchers never wait.
   * Replay instead paces itself: it stops at a full outbox (the watcher stays unsynced, its
   * nextRevision at the first commit not sent) and resumes when the outbox has drained, so watching
   * from an old revision is never punished for how much history there is (etcd batches replay
   * by revisions for the same reason: watchBatchMaxRevs in watcher_group.go).
   */

  /** Default bound on a watcher's undelivered responses. etcd buffers 128 per stream (chanBufLen). */
  public static final int DEFAULT_MAX_PENDING_RESPONSES = 1024;

  private final CommitLog log;
  private final Executor executor;
  private final int maxPendingResponses;
  private final WatchResponses responses;
  private final AtomicLong nextWatchId = new AtomicLong();

  /**
   * Guards the groups, publishedRevision, syncScheduled, closed, and each watcher's nextRevision,
   * state and idle flag. Lock order: this lock, then an outbox's queue lock. Never held while
   * reading the CommitLog (see the design comment) nor while a listener runs.
   */
  private final ReentrantLock lock = new ReentrantLock();

  private final WatcherGroup synced = new WatcherGroup();
  private final WatcherGroup unsynced = new WatcherGroup();
  private long publishedRevision;
  private boolean syncScheduled;
  private boolean closed;

  /** A hub with etcd-like bounds and headers carrying only the revision. */
  public SyncingWatchHub(CommitLog log, Executor executor) {
    this(log, executor, DEFAULT_MAX_PENDING_RESPONSES, revision -> new ResponseHeader(0, 0, revision, 0));
  }

  /**
   * @param log the store's history, read when a watch starts in the past
   * @param executor runs deliveries and sync rounds; must not run tasks on the caller's thread
   * @param maxPendingResponses how many responses may wait for one listener before the watch is
   *     canceled as too slow (at least 2). A parameter so that tests can overflow a watcher with
   *     three commits instead of a thousand.
   * @param header the header of a response at a revision (the store adds its cluster and member ids)
   */
  public SyncingWatchHub(
      CommitLog log, Executor executor, int maxPendingResponses, LongFunction<ResponseHeader> header) {
    if (maxPendingResponses < 2) {
      throw new IllegalArgumentException("maxPendingResponses must be at least 2, got " + maxPendingResponses);
    }
    this.log = log;
    this.executor = executor;
    this.maxPendingResponses = maxPendingResponses;
    this.responses = new WatchResponses(header);
    this.publishedRevision = log.currentRevision();
  }

  /**
   * Starts a watch: its {@code created} response is queued before any event. A start revision of
   * 0, or one in the future, is served by live commits only; one in the past is replayed by the sync
   * step first; one below the compacted revision ends in a {@code canceled} response with
   * {@code compactRevision} set. A start at the compacted revision itself is replayed, as etcd does,
   * from what compaction kept of it ({@link CommitLog#commitsAfter}).
   *
   * @throws IllegalStateException if the hub is closed
   */
  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    Watcher watcher =
        new Watcher(nextWatchId.getAndIncrement(), request, listener, executor, maxPendingResponses, this);
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("cannot watch " + watcher.range + ": the store is closed");
      }
      if (watcher.range.isEmpty()) {
        watcher.state = Watcher.State.CANCELED;
        watcher.outbox.offerLast(responses.refused(watcher.id(), publishedRevision, "mvcc: watcher range is empty"));
        return watcher;
      }
      // Queued before the watcher joins a group, so it precedes every event.
      watcher.outbox.offer(responses.created(watcher.id(), publishedRevision));
      long start = request.startRevision();
      if (start == 0 || start > publishedRevision) {
        watcher.nextRevision = Math.max(start, publishedRevision + 1);
        watcher.state = Watcher.State.SYNCED;
        synced.add(watcher);
      } else {
        watcher.nextRevision = start;
        watcher.state = Watcher.State.UNSYNCED;
        unsynced.add(watcher);
        scheduleSyncLocked();
      }
      return watcher;
    } finally {
      lock.unlock();
    }
  }

  /** Hands {@code commit} to every synced watcher that watches one of its keys; never blocks. */
  @Override
  public void publish(Commit commit) {
    lock.lock();
    try {
      publishedRevision = commit.revision();
      for (Watcher watcher : synced.watching(commit)) {
        if (commit.revision() < watcher.nextRevision) {
          continue; // rule (1): already replayed, or the watch starts later
        }
        List<WatchEvent> events = watcher.eventsOf(commit);
        watcher.nextRevision = commit.revision() + 1;
        if (!events.isEmpty()) {
          sendLiveLocked(watcher, commit.revision(), responses.events(watcher.id(), commit.revision(), events));
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends the current revision to every synced watch that asked for progress notifications and
   * was sent no events since the previous call (etcd's rule: an event already told it as much).
   * Unsynced watches get none: they have not reached the current revision yet; nor does a watch
   * whose start revision is still in the future (etcd's {@code progressIfSync}).
   */
  @Override
  public void notifyProgress() {
    lock.lock();
    try {
      for (Watcher watcher : synced.watchers()) {
        if (watcher.progressNotify && watcher.idle && watcher.startRevision <= publishedRevision) {
          watcher.outbox.offer(responses.progress(watcher.id(), publishedRevision)); // a full outbox skips it
        }
        watcher.idle = true;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Cancels every watch, each with a {@code canceled} response; later watches are refused. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (WatcherGroup group : List.of(synced, unsynced)) {
        for (Watcher watcher : group.watchers()) {
          cancelLocked(watcher, responses.canceled(watcher.id(), publishedRevision, "watch canceled: the store is closing"));
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The watch's own close: no cancel response, and no response at all once this returns. */
  void cancel(Watcher watcher) {
    lock.lock();
    try {
      cancelLocked(watcher, null);
    } finally {
      lock.unlock();
    }
    watcher.outbox.close(); // outside our lock: it may wait for the listener, which may call us
  }

  /** A watcher's outbox has drained: resume its replay if it was paused on a full outbox. */
  void onEmptied(Watcher watcher) {
    Watcher.State state = watcher.state;
    if (state == Watcher.State.SYNCED || state == Watcher.State.CANCELED) {
      // Neither ever becomes unsynced again, so there is nothing to resume. Every delivery ends
      // here: taking the lock would queue a thousand delivery threads behind a publish to a
      // thousand watchers (./course bench store), and the thread pool would grow a thread per
      // watcher per commit to replace them.
      return;
    }
    lock.lock();
    try {
      if (watcher.state == Watcher.State.UNSYNCED) {
        scheduleSyncLocked();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Queues a live response for a synced watcher. A watcher whose outbox is full is canceled with a
   * reason saying where to resume: publish never waits for a listener, and one slow watcher never
   * holds back the store or the other watchers.
   */
  private void sendLiveLocked(Watcher watcher, long revision, WatchResponse response) {
    // BEGIN EXERCISE 1.3 — slow-watcher policy: queue a live response, or cancel the watcher whose outbox is full
    if (watcher.outbox.offer(response)) {
      watcher.idle = false;
      return;
    }
    String reason = "watch canceled: the watcher fell behind by more than " + maxPendingResponses
        + " responses; watch again from revision " + revision;
    cancelLocked(watcher, responses.canceled(watcher.id(), revision - 1, reason));
    // END EXERCISE 1.3
  }

  /** Removes the watcher from its group; queues {@code last} (if any) as its final response. */
  private void cancelLocked(Watcher watcher, WatchResponse last) {
    if (watcher.state == Watcher.State.CANCELED) {
      return;
    }
    synced.remove(watcher);
    unsynced.remove(watcher);
    watcher.state = Watcher.State.CANCELED;
    if (last != null) {
      watcher.outbox.offerLast(last);
    }
  }

  private void scheduleSyncLocked() {
    if (syncScheduled || closed) {
      return;
    }
    syncScheduled = true;
    executor.execute(this::runSync);
  }

  private void runSync() {
    lock.lock();
    try {
      syncScheduled = false;
    } finally {
      lock.unlock();
    }
    if (syncWatchers()) {
      lock.lock();
      try {
        scheduleSyncLocked(); // another round, behind the deliveries this one queued
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * One sync round (steps (a), (b), (c) of the design comment): cancels unsynced watchers whose
   * next revision is below the compact revision, replays history to the others, and moves those
   * that caught up to the synced group. Package-private so tests can run a round exactly when they
   * choose.
   *
   * @return whether an unsynced watcher could make progress in another round right away
   */
  boolean syncWatchers() {
    // BEGIN EXERCISE 1.3 — the sync step: replay history to unsynced watchers and move caught-up ones to synced
    long compacted = log.compactRevision();
    long from = Long.MAX_VALUE;
    lock.lock();
    try {
      for (Watcher watcher : unsynced.watchers()) {
        if (watcher.nextRevision < compacted) {
          cancelLocked(watcher, responses.compacted(watcher.id(), compacted));
        } else if (!watcher.outbox.isFull()) {
          from = Math.min(from, watcher.nextRevision);
        }
      }
    } finally {
      lock.unlock();
    }
    if (from == Long.MAX_VALUE) {
      return false;
    }
    // A revision need not have a commit (a new store is at revision 1 with none): an empty read
    // still covers everything up to the revision current when it began.
    long current = log.currentRevision();
    List<Commit> history;
    try {
      history = log.commitsAfter(from - 1); // without our lock: publish may run meanwhile
    } catch (StoreException e) {
      if (e.error() == StoreError.COMPACTED) {
        return true; // compacted since we looked: the next round cancels who needs it
      }
      throw e;
    }
    long readRevision = history.isEmpty() ? current : history.get(history.size() - 1).revision();
    lock.lock();
    try {
      for (Watcher watcher : unsynced.watchers()) {
        if (watcher.nextRevision < from) {
          continue; // joined after `from` was chosen: this history starts too late for it
        }
        replayLocked(watcher, history, readRevision);
        if (watcher.state == Watcher.State.UNSYNCED && watcher.nextRevision > publishedRevision) {
          unsynced.remove(watcher); // rule (2): publish brings everything from nextRevision on
          synced.add(watcher);
          watcher.state = Watcher.State.SYNCED;
        }
      }
      return unsynced.watchers().stream().anyMatch(w -> !w.outbox.isFull());
    } finally {
      lock.unlock();
    }
    // END EXERCISE 1.3
  }

  /**
   * Queues the commits of {@code history} at or after the watcher's next revision that it
   * watches, one response per revision (header: the revision the history was read at, as etcd
   * does). Stops at a full outbox, leaving nextRevision at the first commit not sent.
   */
  private void replayLocked(Watcher watcher, List<Commit> history, long readRevision) {
    // BEGIN EXERCISE 1.3 — replay history to one unsynced watcher, pausing at a full outbox
    for (Commit commit : history) {
      if (commit.revision() < watcher.nextRevision) {
        continue;
      }
      List<WatchEvent> events = watcher.eventsOf(commit);
      if (!events.isEmpty()) {
        if (!watcher.outbox.offer(responses.events(watcher.id(), readRevision, events))) {
          return; // paused; resumed by onEmptied
        }
        watcher.idle = false;
      }
      watcher.nextRevision = commit.revision() + 1;
    }
    watcher.nextRevision = Math.max(watcher.nextRevision, readRevision + 1);
    // END EXERCISE 1.3
  }
}
