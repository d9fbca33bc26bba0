package io.minik8s.store.api;

/**
 * Watch the keys in {@code [key, rangeEnd)} (same range rules as {@link RangeRequest}).
 *
 * @param startRevision 0: from the next change on; otherwise every change since that revision is
 *     replayed first, in order, then live changes follow. Below the compacted revision the watch
 *     is canceled with {@link WatchResponse#compactRevision()} set; from the compacted revision
 *     itself, as in etcd, it replays only the puts made at it (its deletes are gone, and its
 *     events carry no {@code prevKv}: the state before it is gone too).
 * @param prevKv include each event's previous key state
 * @param progressNotify send an empty response with the current revision when the watch has been
 *     idle for a while, so a client knows how far it has seen
 */
public record WatchRequest(Bytes key, Bytes rangeEnd, long startRevision, boolean prevKv, boolean progressNotify) {

  public static WatchRequest key(Bytes key) {
    return new WatchRequest(key, Bytes.EMPTY, 0, false, false);
  }

  public static WatchRequest prefix(Bytes prefix) {
    return new WatchRequest(prefix, prefix.prefixEnd(), 0, false, false);
  }

  public WatchRequest fromRevision(long startRevision) {
    return new WatchRequest(key, rangeEnd, startRevision, prevKv, progressNotify);
  }

  public WatchRequest withPrevKv() {
    return new WatchRequest(key, rangeEnd, startRevision, true, progressNotify);
  }

  public WatchRequest withProgressNotify() {
    return new WatchRequest(key, rangeEnd, startRevision, prevKv, true);
  }
}
