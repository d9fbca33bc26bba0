package io.minik8s.store.api;

import java.util.List;

/** The keys found, in key order; {@code count} counts all matching keys, even beyond the limit. */
public record RangeResponse(ResponseHeader header, List<KeyValue> kvs, boolean more, long count) {

  public RangeResponse {
    kvs = List.copyOf(kvs);
  }
}
