package io.minik8s.store.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks etcd makes on a transaction before looking at the data
 * (etcdserver/api/v3rpc/key.go, {@code checkTxnRequest} and {@code checkIntervals}): no empty
 * key, at most {@link #MAX_OPS} compares and operations per branch, and no key written twice in
 * a branch. "Written twice" counts a put and a delete range covering it, also across nested
 * transactions, but not two deletes (verified on etcd 3.4.23: put a + put a, put a + delete a,
 * and put b + delete [a, c) are DUPLICATE_KEY; delete a + delete a is fine). The two branches of
 * a nested transaction may put the same key, since only one of them runs.
 *
 * <p>They belong to the API, not to a storage engine: the embedded store runs them, and so does
 * the JSON gateway before it hands a request to whichever store it serves, as etcd's v3rpc layer
 * does before its server sees the request.
 */
public final class RequestChecks {

  /** etcd's default {@code --max-txn-ops}. */
  public static final int MAX_OPS = 128;

  private RequestChecks() {}

  /** @throws io.minik8s.store.api.StoreException EMPTY_KEY, TOO_MANY_OPERATIONS or DUPLICATE_KEY */
  public static void check(TxnRequest txn) {
    if (txn.compare().size() > MAX_OPS || txn.success().size() > MAX_OPS || txn.failure().size() > MAX_OPS) {
      throw StoreError.TOO_MANY_OPERATIONS.exception();
    }
    for (Compare compare : txn.compare()) {
      requireKey(compare.key());
    }
    checkOps(txn.success());
    checkOps(txn.failure());
    writes(txn.success());
    writes(txn.failure());
  }

  private static void checkOps(List<RequestOp> ops) {
    for (RequestOp op : ops) {
      if (op instanceof RequestOp.Range r) {
        requireKey(r.request().key());
      } else if (op instanceof RequestOp.Put p) {
        requireKey(p.request().key());
      } else if (op instanceof RequestOp.DeleteRange d) {
        requireKey(d.request().key());
      } else if (op instanceof RequestOp.Txn t) {
        check(t.request());
      }
    }
  }

  public static void requireKey(Bytes key) {
    if (key.isEmpty()) {
      throw StoreError.EMPTY_KEY.exception();
    }
  }

  /** The keys one branch puts and the ranges it deletes. */
  private record Writes(Set<Bytes> puts, List<Bytes[]> deletes) {

    boolean deletes(Bytes key) {
      for (Bytes[] range : deletes) {
        Bytes start = range[0];
        Bytes end = range[1];
        boolean hit =
            end.isEmpty()
                ? key.equals(start)
                : key.compareTo(start) >= 0 && (end.equals(Bytes.ZERO) || key.compareTo(end) < 0);
        if (hit) {
          return true;
        }
      }
      return false;
    }
  }

  /** etcd's {@code checkIntervals}: the writes of one branch, refusing a key written twice. */
  private static Writes writes(List<RequestOp> ops) {
    Writes writes = new Writes(new HashSet<>(), new ArrayList<>());
    for (RequestOp op : ops) {
      if (op instanceof RequestOp.DeleteRange d) {
        writes.deletes().add(new Bytes[] {d.request().key(), d.request().rangeEnd()});
      }
    }
    for (RequestOp op : ops) {
      if (op instanceof RequestOp.Txn t) {
        Writes then = writes(t.request().success());
        Writes otherwise = writes(t.request().failure());
        for (Bytes key : then.puts()) {
          addPut(writes, key);
        }
        for (Bytes key : otherwise.puts()) {
          if (!then.puts().contains(key)) {
            addPut(writes, key);
          } else if (writes.deletes(key)) {
            throw StoreError.DUPLICATE_KEY.exception();
          }
        }
        writes.deletes().addAll(then.deletes());
        writes.deletes().addAll(otherwise.deletes());
      }
    }
    for (RequestOp op : ops) {
      if (op instanceof RequestOp.Put p) {
        addPut(writes, p.request().key());
      }
    }
    return writes;
  }

  private static void addPut(Writes writes, Bytes key) {
    if (!writes.puts().add(key) || writes.deletes(key)) {
      throw StoreError.DUPLICATE_KEY.exception();
    }
  }
}
