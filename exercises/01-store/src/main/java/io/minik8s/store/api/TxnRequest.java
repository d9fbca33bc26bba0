package io.minik8s.store.api;

import java.util.List;

/**
 * If every compare holds, apply {@code success}, else {@code failure}; either way atomically and
 * at one revision (a transaction that writes advances the revision by exactly one, however many
 * keys it touches). A key may be written at most once per branch.
 */
public record TxnRequest(List<Compare> compare, List<RequestOp> success, List<RequestOp> failure) {

  public TxnRequest {
    compare = List.copyOf(compare);
    success = List.copyOf(success);
    failure = List.copyOf(failure);
  }
}
