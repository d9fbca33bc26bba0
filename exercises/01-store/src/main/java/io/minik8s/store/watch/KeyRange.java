package io.minik8s.store.watch;

import io.minik8s.store.api.Bytes;

/**
 * The keys a watcher watches, with etcd's range rules (as for a range read):
 *
 * <ul>
 *   <li>{@code end} empty: only {@code key};
 *   <li>{@code end} {@link Bytes#ZERO} ({@code "\0"}): every key {@code >= key} (so {@code "\0"}
 *       to {@code "\0"} is every key);
 *   <li>otherwise the half-open interval {@code [key, end)}, compared byte by byte as unsigned
 *       numbers ({@link Bytes#compareTo}).
 * </ul>
 *
 * <p>Upstream, a single-key watcher goes into a map and a range watcher into an interval tree
 * (server/storage/mvcc/watcher_group.go); {@link WatcherGroup} keeps the map and scans the ranges.
 */
record KeyRange(Bytes key, Bytes end) {

  static KeyRange of(Bytes key, Bytes end) {
    return new KeyRange(key, end == null ? Bytes.EMPTY : end);
  }

  boolean isSingleKey() {
    return end.isEmpty();
  }

  /**
   * A range whose end is not after its key holds no key at all; etcd refuses to watch it
   * ({@code mvcc: watcher range is empty}).
   */
  boolean isEmpty() {
    return !end.isEmpty() && !end.equals(Bytes.ZERO) && key.compareTo(end) >= 0;
  }

  boolean contains(Bytes candidate) {
    // BEGIN EXERCISE 1.3 — does the watched range [key, end) contain this key (single key, from-key, interval)
    throw new UnsupportedOperationException("TODO exercise 1.3: does the watched range [key, end) contain this key (single key, from-key, interval)");
    // END EXERCISE 1.3
  }

  @Override
  public String toString() {
    if (end.isEmpty()) {
      return key.toString();
    }
    return "[" + key + ", " + (end.equals(Bytes.ZERO) ? "end of keyspace" : end) + ")";
  }
}
