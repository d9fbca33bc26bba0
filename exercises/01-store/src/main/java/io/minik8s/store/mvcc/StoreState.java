package io.minik8s.store.mvcc;

import io.minik8s.store.api.KeyValue;
import java.util.List;

/**
 * Everything the store knows, as a snapshot holds it: the live keys as of the compacted revision,
 * then every commit after it (the history watchers may still replay), and the leases. Restoring
 * loads {@code baseKeys}, applies {@code commits} in order, and arrives at {@code revision}.
 *
 * @param revision the store's revision (the last commit's, or the compacted revision if none)
 * @param compactRevision revisions at or below this are compacted (0 if never)
 * @param baseKeys the keys live at {@code compactRevision}, each with its own revisions
 * @param commits the commits after {@code compactRevision}, in order
 * @param leases the leases that exist, with the TTL they were granted
 */
public record StoreState(
    long revision, long compactRevision, List<KeyValue> baseKeys, List<Commit> commits, List<LeaseRecord> leases) {

  public StoreState {
    baseKeys = List.copyOf(baseKeys);
    commits = List.copyOf(commits);
    leases = List.copyOf(leases);
  }

  /** A lease as persisted: its id and granted TTL. A restored lease starts a fresh TTL, as in etcd. */
  public record LeaseRecord(long id, long ttlSeconds) {}
}
