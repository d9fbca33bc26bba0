package io.minik8s.store.api;

/** Delete the keys in {@code [key, rangeEnd)}, with the same range rules as {@link RangeRequest}. */
public record DeleteRangeRequest(Bytes key, Bytes rangeEnd, boolean prevKv) {

  public static DeleteRangeRequest key(Bytes key) {
    return new DeleteRangeRequest(key, Bytes.EMPTY, false);
  }

  public static DeleteRangeRequest prefix(Bytes prefix) {
    return new DeleteRangeRequest(prefix, prefix.prefixEnd(), false);
  }

  public DeleteRangeRequest withPrevKv() {
    return new DeleteRangeRequest(key, rangeEnd, true);
  }
}
