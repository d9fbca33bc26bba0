package io.minik8s.store.mvcc;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.KeyValue;
import java.util.List;

/**
 * Evaluates a transaction's {@link Compare}s, with etcd's rules (etcdserver/apply.go,
 * {@code applyCompare} and {@code compareKV}):
 *
 * <ul>
 *   <li>a missing key compares as version, create revision, mod revision and lease 0, so
 *       "create_revision = 0" is the idiom for "the key does not exist yet";
 *   <li>a VALUE compare on a missing key is always false, whatever the operator;
 *   <li>with a range end, every key in the range must satisfy it (and an empty range compares as
 *       one missing key).
 * </ul>
 */
final class Compares {

  private Compares() {}

  /** True if every compare holds against the store as {@code txn} reads it. */
  static boolean allHold(List<Compare> compares, StoreTxn txn) {
    for (Compare compare : compares) {
      if (!holds(compare, txn.liveRange(compare.key(), compare.rangeEnd()))) {
        return false;
      }
    }
    return true;
  }

  /** True if the compare holds for the keys of its range, {@code kvs} (empty if none exists). */
  static boolean holds(Compare compare, List<KeyValue> kvs) {
    // BEGIN EXERCISE 1.2 — evaluate one compare against the keys of its range
    throw new UnsupportedOperationException("TODO exercise 1.2: evaluate one compare against the keys of its range");
    // END EXERCISE 1.2
  }

  /** The compare against one key's state; {@code kv} null is a missing key (all zeros). */
  private static boolean holds(Compare compare, KeyValue kv) {
    // BEGIN EXERCISE 1.2 — compare one key's field with the operand
    throw new UnsupportedOperationException("TODO exercise 1.2: compare one key's field with the operand");
    // END EXERCISE 1.2
  }

  private static long number(Compare compare) {
    return ((Number) compare.operand()).longValue();
  }
}
