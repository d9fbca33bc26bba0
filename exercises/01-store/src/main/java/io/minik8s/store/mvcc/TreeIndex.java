package io.minik8s.store.mvcc;

import io.minik8s.store.api.Bytes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every key's {@link KeyIndex}, in key order (unsigned bytes), so that a range is a walk over
 * consecutive entries. Not thread-safe: the store's lock guards it.
 *
 * <p>Upstream: {@code treeIndex} in etcd's mvcc/index.go (a B-tree; a {@link TreeMap} is the same
 * idea with the JDK's red-black tree).
 */
final class TreeIndex {

  /** A key found by a range, with its state at the revision read. */
  record Entry(Bytes key, KeyIndex.Found found) {}

  private final NavigableMap<Bytes, KeyIndex> tree = new TreeMap<>();

  void put(Bytes key, Revision rev) {
    tree.computeIfAbsent(key, KeyIndex::new).put(rev);
  }

  /** @throws IllegalStateException if the key does not exist */
  void tombstone(Bytes key, Revision rev) {
    KeyIndex ki = tree.get(key);
    if (ki == null) {
      throw new IllegalStateException("tombstone of " + key + " at " + rev + ": the key does not exist");
    }
    ki.tombstone(rev);
  }

  /** The key's state at {@code atRev}, or null if it did not exist then. */
  KeyIndex.Found get(Bytes key, long atRev) {
    KeyIndex ki = tree.get(key);
    return ki == null ? null : ki.get(atRev);
  }

  /**
   * The keys in {@code [key, end)} that existed at {@code atRev}, in key order, with etcd's range
   * rules: an empty {@code end} means the single key {@code key}; {@code end} = {@code "\0"} means
   * every key from {@code key} on; an {@code end} at or before {@code key} matches nothing.
   */
  List<Entry> range(Bytes key, Bytes end, long atRev) {
    // BEGIN EXERCISE 1.1 — range over the index with etcd's end rules
    throw new UnsupportedOperationException("TODO exercise 1.1: range over the index with etcd's end rules");
    // END EXERCISE 1.1
  }

  /**
   * Compacts every key at {@code atRev} and forgets keys with nothing left.
   *
   * @return the revisions at or below {@code atRev} still needed; the values of all others can go
   */
  Set<Revision> compact(long atRev) {
    // BEGIN EXERCISE 1.5 — compact every key of the index, forgetting emptied keys
    throw new UnsupportedOperationException("TODO exercise 1.5: compact every key of the index, forgetting emptied keys");
    // END EXERCISE 1.5
  }

  /** Loads a live key as a snapshot holds it (see {@link KeyIndex#restore}). */
  void restore(Bytes key, Revision created, Revision modified, long version) {
    tree.computeIfAbsent(key, KeyIndex::new).restore(created, modified, version);
  }

  int size() {
    return tree.size();
  }
}
