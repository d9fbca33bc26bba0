package io.minik8s.store.watch;

import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchResponse;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The shapes of the responses a watch receives, as real etcd sends them (checked against etcd
 * 3.4's JSON gateway, {@code POST /v3/watch}).
 */
final class WatchResponses {

  private final LongFunction<ResponseHeader> header;

  /** @param header the response header at a revision (the store fills in its cluster and member ids) */
  WatchResponses(LongFunction<ResponseHeader> header) {
    this.header = header;
  }

  WatchResponse created(long watchId, long revision) {
    return new WatchResponse(header.apply(revision), watchId, true, false, 0, "", List.of());
  }

  /** All the events of one revision a watcher sees, in one response. */
  WatchResponse events(long watchId, long revision, List<WatchEvent> events) {
    return new WatchResponse(header.apply(revision), watchId, false, false, 0, "", events);
  }

  WatchResponse progress(long watchId, long revision) {
    return new WatchResponse(header.apply(revision), watchId, false, false, 0, "", List.of());
  }

  WatchResponse canceled(long watchId, long revision, String reason) {
    return new WatchResponse(header.apply(revision), watchId, false, true, 0, reason, List.of());
  }

  /**
   * The start revision is compacted. etcd sends {@code canceled} and {@code compact_revision} with
   * no revision in the header and no reason (watchable_store.go, {@code choose}); the client then
   * lists again and watches from what the list returned.
   */
  WatchResponse compacted(long watchId, long compactRevision) {
    return new WatchResponse(header.apply(0), watchId, false, true, compactRevision, "", List.of());
  }

  /** A watch refused at creation: etcd answers with one response both created and canceled. */
  WatchResponse refused(long watchId, long revision, String reason) {
    return new WatchResponse(header.apply(revision), watchId, true, true, 0, reason, List.of());
  }
}
