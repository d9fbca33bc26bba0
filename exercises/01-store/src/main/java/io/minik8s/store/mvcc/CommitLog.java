package io.minik8s.store.mvcc;

import java.util.List;

/**
 * The store's history as the watch machinery reads it. Implemented by the MVCC store; thread-safe.
 */
public interface CommitLog {

  long currentRevision();

  /**
   * The revision history was compacted at (0 if never): revisions below it are gone, and of the
   * commit at it only what compaction kept remains (see {@link #commitsAfter}).
   */
  long compactRevision();

  /**
   * Every commit with a revision greater than {@code after}, in revision order, up to the current
   * revision at the time of the call.
   *
   * <p>History may start exactly at the compact revision, as etcd's does: a watch from it is
   * replayed, not canceled. But compaction kept only part of that revision's commit, so when
   * {@code after} is {@code compactRevision() - 1} the first commit returned holds just its
   * {@code PUT} events, each without {@code prevKv} (the state before it is gone); its
   * {@code DELETE}s went with what they deleted, and if it had nothing else it is not returned at
   * all. Verified on etcd 3.4.23: after {@code compact 5}, a watch from 5 receives a put made at 5
   * (without {@code prev_kv}, even when asked) but never a delete made at 5.
   *
   * @throws io.minik8s.store.api.StoreException COMPACTED if {@code after + 1 < compactRevision()}:
   *     the first revision asked for is gone
   */
  List<Commit> commitsAfter(long after);
}
