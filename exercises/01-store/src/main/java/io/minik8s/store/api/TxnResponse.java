package io.minik8s.store.api;

import java.util.List;

/** Which branch ran and the result of each of its operations. */
public record TxnResponse(ResponseHeader header, boolean succeeded, List<ResponseOp> responses) {

  public TxnResponse {
    responses = List.copyOf(responses);
  }
}
