package io.minik8s.store.wal;

import io.minik8s.store.mvcc.StoreState;
import java.util.List;

/**
 * A store state as of one point in the write-ahead log.
 *
 * @param walSequence the sequence number of the last WAL record the state includes: recovery
 *     replays only the records after it (0 for a snapshot that follows no log, e.g. a backup)
 */
public record Snapshot(long walSequence, StoreState state) {

  /** The state of a store that has never been written to: what a new data directory recovers. */
  // a new store is at revision 1, as etcd's is: its first write makes revision 2
  public static final StoreState EMPTY_STATE = new StoreState(1, 0, List.of(), List.of(), List.of());
}
