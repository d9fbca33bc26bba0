package io.minik8s.store.api;

/**
 * Read the keys in {@code [key, rangeEnd)}.
 *
 * <ul>
 *   <li>{@code rangeEnd} empty: only {@code key};
 *   <li>{@code rangeEnd} {@link Bytes#ZERO} ({@code "\0"}): every key {@code >= key}; with
 *       {@code key} also {@code "\0"}, every key;
 *   <li>{@code limit} 0: no limit; otherwise at most {@code limit} keys and {@code more} says
 *       whether there were others ({@code count} always counts them all);
 *   <li>{@code revision} 0: the current revision; otherwise the keyspace as it was then
 *       (compacted revisions fail, future ones too).
 * </ul>
 */
public record RangeRequest(
    Bytes key, Bytes rangeEnd, long limit, long revision, boolean keysOnly, boolean countOnly) {

  public static RangeRequest key(Bytes key) {
    return new RangeRequest(key, Bytes.EMPTY, 0, 0, false, false);
  }

  public static RangeRequest prefix(Bytes prefix) {
    return new RangeRequest(prefix, prefix.prefixEnd(), 0, 0, false, false);
  }

  public static RangeRequest range(Bytes key, Bytes rangeEnd) {
    return new RangeRequest(key, rangeEnd, 0, 0, false, false);
  }

  public RangeRequest withLimit(long limit) {
    return new RangeRequest(key, rangeEnd, limit, revision, keysOnly, countOnly);
  }

  public RangeRequest atRevision(long revision) {
    return new RangeRequest(key, rangeEnd, limit, revision, keysOnly, countOnly);
  }

  public RangeRequest withKeysOnly() {
    return new RangeRequest(key, rangeEnd, limit, revision, true, countOnly);
  }

  public RangeRequest withCountOnly() {
    return new RangeRequest(key, rangeEnd, limit, revision, keysOnly, true);
  }
}
