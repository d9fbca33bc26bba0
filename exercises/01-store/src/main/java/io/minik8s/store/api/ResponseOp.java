package io.minik8s.store.api;

/** The result of one {@link RequestOp}, in the same position. */
public sealed interface ResponseOp {

  record Range(RangeResponse response) implements ResponseOp {}

  record Put(PutResponse response) implements ResponseOp {}

  record DeleteRange(DeleteRangeResponse response) implements ResponseOp {}

  record Txn(TxnResponse response) implements ResponseOp {}
}
