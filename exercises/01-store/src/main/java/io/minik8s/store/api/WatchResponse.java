package io.minik8s.store.api;

import java.util.List;

/**
 * What a watch delivers, in order: one {@code created} response, then batches of events in
 * revision order (all events of one revision in the same batch), progress notifications (no
 * events, {@code header.revision} = how far the store has got), and finally, if the store ends
 * the watch, one {@code canceled} response with the reason.
 *
 * @param compactRevision set on cancel when the start revision had been compacted: the oldest
 *     revision still available, from which the client can list and watch again
 */
public record WatchResponse(
    ResponseHeader header,
    long watchId,
    boolean created,
    boolean canceled,
    long compactRevision,
    String cancelReason,
    List<WatchEvent> events) {

  public WatchResponse {
    events = List.copyOf(events);
    cancelReason = cancelReason == null ? "" : cancelReason;
  }

  /** A progress notification: no events, only the revision reached. */
  public boolean isProgressNotify() {
    return !created && !canceled && events.isEmpty();
  }
}
