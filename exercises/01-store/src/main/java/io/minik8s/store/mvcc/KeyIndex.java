package io.minik8s.store.mvcc;

import io.minik8s.store.api.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The revisions of one key, grouped into generations: a generation runs from the put that
 * creates the key to the delete (tombstone) that ends it; the last generation is the current one,
 * empty while the key does not exist. The values live elsewhere ({@link History}), by revision.
 *
 * <p>A trace on key "foo": {@code put(1.0) put(2.0) tombstone(3.0) put(4.0) tombstone(5.0)}
 * leaves
 *
 * <pre>
 *   generations:
 *     {1.0, 2.0, 3.0(t)}     created at 1, version 3 (the tombstone counts)
 *     {4.0, 5.0(t)}          created at 4, version 2: re-creating the key restarts the version
 *     {}                     current generation: "foo" does not exist now
 *
 *   get(2) = 2.0, version 2    get(3) = not found (deleted at 3)    get(4) = 4.0, version 1
 * </pre>
 *
 * Compacting at revision {@code r} drops every revision at or below {@code r} except the newest
 * one (the key's state at {@code r}, which reads at {@code r} still need), and every generation
 * that ended before {@code r}; a generation left empty disappears:
 *
 * <pre>
 *   compact(2): {2.0, 3.0(t)} {4.0, 5.0(t)} {}
 *   compact(4): {4.0, 5.0(t)} {}
 *   compact(5): {5.0(t)} {}           the tombstone at 5 is still the state at 5
 *   compact(6): {}                    nothing left: the index forgets "foo"
 * </pre>
 *
 * <p>Not thread-safe: the store's lock guards it. Upstream: {@code keyIndex} in etcd's
 * mvcc/key_index.go, whose doc comment draws the same trace.
 */
final class KeyIndex {

  /** The key's state at a revision: the revision of its last change, its creation, its version. */
  record Found(Revision modified, Revision created, long version) {}

  /** One life of the key, from its creation to its tombstone. */
  static final class Generation {
    /** Changes in this generation, including compacted ones and the tombstone. */
    long version;
    Revision created;
    final List<Revision> revs = new ArrayList<>();

    boolean isEmpty() {
      return revs.isEmpty();
    }

    Revision last() {
      return revs.get(revs.size() - 1);
    }
  }

  private final Bytes key;
  /** The revision of the key's last change, tombstones included; (0,0) before the first. */
  private Revision modified = new Revision(0, 0);
  /** Oldest first; never empty: the last one is the current generation. */
  private final List<Generation> generations = new ArrayList<>(List.of(new Generation()));

  KeyIndex(Bytes key) {
    this.key = key;
  }

  Bytes key() {
    return key;
  }

  /** Records a put at {@code rev}, which must be newer than every revision recorded so far. */
  void put(Revision rev) {
    // BEGIN EXERCISE 1.1 — record a put in the key's current generation
    throw new UnsupportedOperationException("TODO exercise 1.1: record a put in the key's current generation");
    // END EXERCISE 1.1
  }

  /**
   * Records a delete at {@code rev}: the tombstone ends the current generation and a new, empty
   * one begins.
   *
   * @throws IllegalStateException if the key does not exist (its current generation is empty)
   */
  void tombstone(Revision rev) {
    // BEGIN EXERCISE 1.1 — end the key's current generation with a tombstone
    throw new UnsupportedOperationException("TODO exercise 1.1: end the key's current generation with a tombstone");
    // END EXERCISE 1.1
  }

  /** The key's state at revision {@code atRev}, or null if it did not exist then. */
  Found get(long atRev) {
    // BEGIN EXERCISE 1.1 — find the key's state at a revision
    throw new UnsupportedOperationException("TODO exercise 1.1: find the key's state at a revision");
    // END EXERCISE 1.1
  }

  /** The generation alive at {@code atRev}, or null if the key was deleted (or not yet created) then. */
  private Generation findGeneration(long atRev) {
    int last = generations.size() - 1;
    for (int i = last; i >= 0; i--) {
      Generation g = generations.get(i);
      if (g.isEmpty()) {
        continue;
      }
      if (i != last && g.last().main() <= atRev) {
        return null; // ended by a tombstone at or before atRev, and not re-created by then
      }
      if (g.revs.get(0).main() <= atRev) {
        return g;
      }
    }
    return null;
  }

  /**
   * The revisions since {@code rev} (inclusive), oldest first, keeping only the last change of
   * each main revision: what a watcher starting at {@code rev} must see of this key.
   */
  List<Revision> since(long rev) {
    Revision since = new Revision(rev, 0);
    int start = generations.size() - 1;
    while (start > 0) {
      Generation g = generations.get(start);
      if (!g.isEmpty() && since.greaterThan(g.created)) {
        break;
      }
      start--;
    }
    List<Revision> revs = new ArrayList<>();
    for (int gi = start; gi < generations.size(); gi++) {
      for (Revision r : generations.get(gi).revs) {
        if (since.greaterThan(r)) {
          continue;
        }
        if (!revs.isEmpty() && revs.get(revs.size() - 1).main() == r.main()) {
          revs.set(revs.size() - 1, r);
        } else {
          revs.add(r);
        }
      }
    }
    return revs;
  }

  /**
   * Drops what no read at or after {@code atRev} can need (see the class comment), and adds the
   * revisions at or below {@code atRev} that it keeps to {@code keep}, so the store can drop the
   * values of all the others.
   */
  void compact(long atRev, Set<Revision> keep) {
    // BEGIN EXERCISE 1.5 — compact a key's generations at a revision
    throw new UnsupportedOperationException("TODO exercise 1.5: compact a key's generations at a revision");
    // END EXERCISE 1.5
  }

  /** True when nothing is left: no live key, no history. */
  boolean isEmpty() {
    return generations.size() == 1 && generations.get(0).isEmpty();
  }

  /**
   * Loads a key as a snapshot holds it: live, its history before {@code modified} compacted away.
   * Only on a new index.
   */
  void restore(Revision created, Revision modified, long version) {
    if (!isEmpty()) {
      throw new IllegalStateException("restore of " + key + " into a non-empty index");
    }
    Generation g = generations.get(0);
    g.created = created;
    g.version = version;
    g.revs.add(modified);
    this.modified = modified;
  }

  /** The revisions of each generation, oldest first: for tests and debugging. */
  List<List<Revision>> generations() {
    return generations.stream().map(g -> List.copyOf(g.revs)).toList();
  }

  @Override
  public String toString() {
    return key + " " + generations();
  }
}
