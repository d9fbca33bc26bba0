package io.minik8s.store.mvcc;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.lease.Lessor;
import java.util.ArrayList;
import java.util.List;

/**
 * One store operation in progress, reading and writing the keyspace as of {@code beginRevision}:
 * a plain put or delete, a whole transaction, a lease revoke. Every change it makes gets the
 * revision {@code beginRevision + 1} with the next sub revision, so however many keys it touches
 * it advances the store by one revision, or not at all if it changes nothing. Its reads see its
 * own earlier changes, as etcd's do ({@code storeTxnWrite} in mvcc/kvstore_txn.go: a read after a
 * write in the same txn reads at the revision being written; verified on etcd 3.4.23, where a
 * range before the put of a txn reports header revision N and one after it N+1 with the new value).
 *
 * <p>Used only with the store's write lock held (or its read lock, for reads).
 */
final class StoreTxn {

  private final TreeIndex index;
  private final History history;
  private final Lessor lessor;
  private final long beginRevision;
  private final long compactRevision;
  private final List<WatchEvent> events = new ArrayList<>();

  StoreTxn(TreeIndex index, History history, Lessor lessor, long beginRevision, long compactRevision) {
    this.index = index;
    this.history = history;
    this.lessor = lessor;
    this.beginRevision = beginRevision;
    this.compactRevision = compactRevision;
  }

  /** The revision reads see: the one being written once this operation has changed something. */
  long readRevision() {
    return events.isEmpty() ? beginRevision : beginRevision + 1;
  }

  /** The revision every change of this operation gets. */
  long writeRevision() {
    return beginRevision + 1;
  }

  /** The changes made so far, in order; each carries the key's previous state. */
  List<WatchEvent> events() {
    return events;
  }

  /** The key's current state (including this operation's changes), or null if it does not exist. */
  KeyValue live(Bytes key) {
    KeyIndex.Found found = index.get(key, readRevision());
    return found == null ? null : history.get(found.modified());
  }

  /** The current state of the keys in {@code [key, end)}, in key order. */
  List<KeyValue> liveRange(Bytes key, Bytes end) {
    return index.range(key, end, readRevision()).stream().map(e -> history.get(e.found().modified())).toList();
  }

  /**
   * The keys of the request's range as of its revision (0: now). The header carries the current
   * revision, not the one read, as in etcd.
   *
   * @throws io.minik8s.store.api.StoreException FUTURE_REVISION above the current revision,
   *     COMPACTED below the compacted one
   */
  RangeResponse range(RangeRequest request) {
    // BEGIN EXERCISE 1.1 — read a range at a revision: limit, more, count, keys only, count only
    throw new UnsupportedOperationException("TODO exercise 1.1: read a range at a revision: limit, more, count, keys only, count only");
    // END EXERCISE 1.1
  }

  /**
   * Sets the key: its next version in the current generation, or version 1 of a new generation
   * if it does not exist. The lease, if any, was checked by the caller.
   */
  PutResponse put(PutRequest request) {
    // BEGIN EXERCISE 1.1 — put a key: its next version, or a new generation
    throw new UnsupportedOperationException("TODO exercise 1.1: put a key: its next version, or a new generation");
    // END EXERCISE 1.1
  }

  /** Deletes the keys in the request's range that exist, all at this operation's revision. */
  DeleteRangeResponse deleteRange(DeleteRangeRequest request) {
    // BEGIN EXERCISE 1.1 — delete the keys of a range, each with a tombstone
    throw new UnsupportedOperationException("TODO exercise 1.1: delete the keys of a range, each with a tombstone");
    // END EXERCISE 1.1
  }

  /** Deletes one existing key: a tombstone in the index and the history. */
  void delete(KeyValue prev) {
    Revision rev = new Revision(writeRevision(), events.size());
    index.tombstone(prev.key(), rev);
    // The tombstone is what a DELETE event carries: the key and the deleting revision only.
    KeyValue tombstone = new KeyValue(prev.key(), 0, rev.main(), 0, Bytes.EMPTY, 0);
    history.put(rev, tombstone);
    if (prev.lease() != 0) {
      moveLease(prev.key(), prev.lease(), 0);
    }
    events.add(new WatchEvent(WatchEvent.Type.DELETE, tombstone, prev));
  }

  /**
   * Moves the key's attachment from lease {@code from} to lease {@code to} (0: none). A lease that
   * no longer exists is skipped: on a log replay, a revoke may have been recorded before this.
   */
  void moveLease(Bytes key, long from, long to) {
    // BEGIN EXERCISE 1.4 — move a key's attachment from its old lease to its new one
    throw new UnsupportedOperationException("TODO exercise 1.4: move a key's attachment from its old lease to its new one");
    // END EXERCISE 1.4
  }
}
