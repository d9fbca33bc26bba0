package io.minik8s.store.api;

import java.util.List;

/** How many keys were deleted, and their last states when {@code prevKv} was asked for. */
public record DeleteRangeResponse(ResponseHeader header, long deleted, List<KeyValue> prevKvs) {

  public DeleteRangeResponse {
    prevKvs = List.copyOf(prevKvs);
  }
}
