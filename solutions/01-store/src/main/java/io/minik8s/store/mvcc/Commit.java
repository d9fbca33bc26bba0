package io.minik8s.store.mvcc;

import io.minik8s.store.api.WatchEvent;
import java.util.List;

/**
 * One committed write: its revision and the events it made, in the order they were applied. Every
 * event carries its {@code prevKv} (null when the key did not exist); a watcher that did not ask
 * for it drops it. A commit is both what watchers receive and what the write-ahead log stores.
 */
public record Commit(long revision, List<WatchEvent> events) {

  public Commit {
    events = List.copyOf(events);
  }
}
