package io.minik8s.store.api;

/** One operation of a transaction branch. */
public sealed interface RequestOp {

  record Range(RangeRequest request) implements RequestOp {}

  record Put(PutRequest request) implements RequestOp {}

  record DeleteRange(DeleteRangeRequest request) implements RequestOp {}

  /** A nested transaction, as etcd 3.3+ allows. */
  record Txn(TxnRequest request) implements RequestOp {}
}
