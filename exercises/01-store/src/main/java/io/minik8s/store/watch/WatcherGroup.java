package io.minik8s.store.watch;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.mvcc.Commit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of watchers indexed by what they watch, so that a commit finds its watchers without
 * asking every one: single-key watchers by key, range watchers in a list that is scanned. Not
 * thread-safe: the hub guards its groups with its lock. Upstream: server/storage/mvcc/
 * watcher_group.go, which keeps the ranges in an interval tree; a scan is enough for the few
 * range watchers (one per resource type) an API server opens.
 */
final class WatcherGroup {

  private final Set<Watcher> all = new LinkedHashSet<>();
  private final Map<Bytes, Set<Watcher>> byKey = new HashMap<>();
  private final Set<Watcher> ranges = new LinkedHashSet<>();

  void add(Watcher watcher) {
    if (!all.add(watcher)) {
      throw new IllegalStateException(watcher + " is already in this group");
    }
    if (watcher.range.isSingleKey()) {
      byKey.computeIfAbsent(watcher.range.key(), k -> new LinkedHashSet<>()).add(watcher);
    } else {
      ranges.add(watcher);
    }
  }

  /** Removes the watcher; false if it was not in this group. */
  boolean remove(Watcher watcher) {
    if (!all.remove(watcher)) {
      return false;
    }
    if (watcher.range.isSingleKey()) {
      Set<Watcher> onKey = byKey.get(watcher.range.key());
      onKey.remove(watcher);
      if (onKey.isEmpty()) {
        byKey.remove(watcher.range.key());
      }
    } else {
      ranges.remove(watcher);
    }
    return true;
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  int size() {
    return all.size();
  }

  /** A copy, in the order the watchers were added: safe to iterate while changing the group. */
  List<Watcher> watchers() {
    return new ArrayList<>(all);
  }

  /** The watchers whose range holds a key {@code commit} changed (a copy, in no set order). */
  Set<Watcher> watching(Commit commit) {
    Set<Watcher> found = new LinkedHashSet<>();
    for (WatchEvent event : commit.events()) {
      Bytes key = event.kv().key();
      found.addAll(byKey.getOrDefault(key, Set.of()));
      for (Watcher watcher : ranges) {
        if (watcher.range.contains(key)) {
          found.add(watcher);
        }
      }
    }
    return found;
  }
}
