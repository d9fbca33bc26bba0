package io.minik8s.store.mvcc;

import io.minik8s.store.api.WatchEvent;
import java.util.List;

/**
 * One committed write: its revision and the events it made, in the order they were applied. Every
 * event carries its {@code prevKv} (null when the key did not exist); a watcher that did not ask
 * for it drops it. A commit is both what watchers receive and what the write-ahead log stores. The
 * one exception is the commit at the compacted revision, which holds only {@link #keptByCompaction
 * what compaction kept} of it.
 */
public record Commit(long revision, List<WatchEvent> events) {

  public Commit {
    events = List.copyOf(events);
  }

  /**
   * What compacting at this commit's revision keeps of it: its {@code PUT} events, each without
   * {@code prevKv}, in their order. A put at the compacted revision is the version live at it, so
   * it survives; the state before it does not, and a {@code DELETE} leaves nothing live to keep.
   * This is what etcd's backend still holds at the compacted revision, and so what etcd replays
   * to a watch starting there. May have no events.
   */
  public Commit keptByCompaction() {
    return new Commit(revision, events.stream()
        .filter(e -> e.type() == WatchEvent.Type.PUT)
        .map(e -> new WatchEvent(WatchEvent.Type.PUT, e.kv(), null))
        .toList());
  }
}
