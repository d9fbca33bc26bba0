package io.minik8s.store.watch;

import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchResponse;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps what it receives, and describes it compactly for assertions. */
class Recorder implements WatchListener {

  private final List<WatchResponse> responses = new ArrayList<>();

  @Override
  public synchronized void onResponse(WatchResponse response) {
    responses.add(response);
  }

  synchronized List<WatchResponse> responses() {
    return List.copyOf(responses);
  }

  /**
   * One line per response: "created", "canceled", "canceled compact=5", "progress@7", or the
   * events "PUT /a=1@3 DELETE /b@4" (key=value@modRevision).
   */
  synchronized List<String> lines() {
    return responses.stream().map(Recorder::describe).toList();
  }

  /** The revisions of all events received, in order (one entry per event). */
  synchronized List<Long> eventRevisions() {
    return responses.stream()
        .flatMap(r -> r.events().stream())
        .map(e -> e.kv().modRevision())
        .toList();
  }

  static String describe(WatchResponse r) {
    if (r.created() && r.canceled()) {
      return "created+canceled";
    }
    if (r.created()) {
      return "created";
    }
    if (r.canceled()) {
      return r.compactRevision() != 0 ? "canceled compact=" + r.compactRevision() : "canceled";
    }
    if (r.events().isEmpty()) {
      return "progress@" + r.header().revision();
    }
    List<String> events = new ArrayList<>();
    for (WatchEvent e : r.events()) {
      String kv = e.type() == WatchEvent.Type.PUT
          ? e.kv().key() + "=" + e.kv().value()
          : e.kv().key().toString();
      events.add(e.type() + " " + kv + "@" + e.kv().modRevision() + (e.prevKv() != null ? " prev=" + e.prevKv().value() : ""));
    }
    return String.join(" ", events);
  }
}
