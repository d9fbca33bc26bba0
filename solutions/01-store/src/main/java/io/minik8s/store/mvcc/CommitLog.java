package io.minik8s.store.mvcc;

import java.util.List;

/**
 * The store's history as the watch machinery reads it. Implemented by the MVCC store; thread-safe.
 */
public interface CommitLog {

  long currentRevision();

  /** The revision history was compacted at: revisions at or below it are gone (0 if never). */
  long compactRevision();

  /**
   * Every commit with a revision greater than {@code after}, in revision order, up to the current
   * revision at the time of the call.
   *
   * @throws io.minik8s.store.api.StoreException COMPACTED if {@code after < compactRevision()}
   */
  List<Commit> commitsAfter(long after);
}
