package io.minik8s.store.mvcc;

import io.minik8s.store.api.KeyValue;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every version of every key, by the revision that wrote it: the store's "backend". A delete
 * writes a tombstone (the key with only its mod revision set). The {@link TreeIndex} says which
 * revision to read; this says what was written there. Not thread-safe: the store's lock guards it.
 *
 * <p>Upstream: etcd keeps the same map in bbolt, keyed by the 17-byte encoding of the revision
 * (mvcc/kvstore.go, {@code revToBytes}).
 */
final class History {

  private final NavigableMap<Revision, KeyValue> byRevision = new TreeMap<>();
  private long bytes;

  void put(Revision rev, KeyValue kv) {
    KeyValue old = byRevision.put(rev, kv);
    if (old != null) {
      throw new IllegalStateException("revision " + rev + " written twice: " + old.key() + ", " + kv.key());
    }
    bytes += size(kv);
  }

  /** @throws IllegalStateException if nothing is stored at {@code rev} (e.g. compacted) */
  KeyValue get(Revision rev) {
    KeyValue kv = byRevision.get(rev);
    if (kv == null) {
      throw new IllegalStateException("no value at revision " + rev);
    }
    return kv;
  }

  /** Drops every entry at or below {@code atRev} that is not in {@code keep}. */
  void compact(long atRev, Set<Revision> keep) {
    var old = byRevision.headMap(new Revision(atRev, Long.MAX_VALUE), true).entrySet().iterator();
    while (old.hasNext()) {
      var e = old.next();
      if (!keep.contains(e.getKey())) {
        bytes -= size(e.getValue());
        old.remove();
      }
    }
  }

  int size() {
    return byRevision.size();
  }

  /** Roughly how many bytes the stored keys and values take: what status reports as the db size. */
  long byteSize() {
    return bytes;
  }

  private static long size(KeyValue kv) {
    return kv.key().size() + kv.value().size() + 32;
  }
}
