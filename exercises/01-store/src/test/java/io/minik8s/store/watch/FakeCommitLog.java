package io.minik8s.store.watch;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.CommitLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CommitLog test double: a list of commits, a current and a compacted revision, and a hook that
 * runs in the middle of {@link #commitsAfter} (after the history was read, before it is returned)
 * so a test can publish "concurrently" with a sync step at exactly the worst moment. Writes build
 * realistic commits (revisions, versions, prevKv) but do not publish: the test does, so the
 * interleaving is spelled out in the test.
 */
final class FakeCommitLog implements CommitLog {

  private final List<Commit> commits = new ArrayList<>();
  private final Map<Bytes, KeyValue> live = new HashMap<>();
  private long compactRevision;
  private Runnable duringRead = () -> {};
  private int reads;

  /** Runs once, inside the next {@link #commitsAfter}, after the result was taken. */
  synchronized void duringNextRead(Runnable hook) {
    this.duringRead = hook;
  }

  synchronized int reads() {
    return reads;
  }

  /** A commit putting each key=value pair (in order) at the next revision. */
  synchronized Commit put(String... keyValues) {
    long revision = currentRevision() + 1;
    List<WatchEvent> events = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Bytes key = Bytes.of(keyValues[i]);
      KeyValue prev = live.get(key);
      KeyValue kv = new KeyValue(
          key, prev == null ? revision : prev.createRevision(), revision, prev == null ? 1 : prev.version() + 1,
          Bytes.of(keyValues[i + 1]), 0);
      live.put(key, kv);
      events.add(new WatchEvent(WatchEvent.Type.PUT, kv, prev));
    }
    return append(new Commit(revision, events));
  }

  /** A commit deleting each key, as etcd reports it: the key and its deleting revision only. */
  synchronized Commit delete(String... keys) {
    long revision = currentRevision() + 1;
    List<WatchEvent> events = new ArrayList<>();
    for (String k : keys) {
      Bytes key = Bytes.of(k);
      KeyValue prev = live.remove(key);
      events.add(new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(key, 0, revision, 0, Bytes.EMPTY, 0), prev));
    }
    return append(new Commit(revision, events));
  }

  private Commit append(Commit commit) {
    commits.add(commit);
    return commit;
  }

  /** History below {@code revision} is gone; of the commit at it, only its puts remain (as in the store). */
  synchronized void compact(long revision) {
    compactRevision = revision;
  }

  @Override
  public synchronized long currentRevision() {
    return commits.isEmpty() ? 0 : commits.get(commits.size() - 1).revision();
  }

  @Override
  public synchronized long compactRevision() {
    return compactRevision;
  }

  @Override
  public List<Commit> commitsAfter(long after) {
    List<Commit> result;
    Runnable hook;
    synchronized (this) {
      reads++;
      if (after + 1 < compactRevision) {
        throw StoreError.COMPACTED.exception();
      }
      result = commits.stream()
          .filter(c -> c.revision() > after)
          .map(c -> c.revision() == compactRevision ? c.keptByCompaction() : c)
          .filter(c -> !c.events().isEmpty())
          .toList();
      hook = duringRead;
      duringRead = () -> {};
    }
    hook.run(); // outside our monitor, like a reader that has released the store's read lock
    return result;
  }
}
