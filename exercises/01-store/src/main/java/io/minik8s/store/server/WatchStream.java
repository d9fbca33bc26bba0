package io.minik8s.store.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code POST /v3/watch}: a single watch whose responses are streamed as they happen, each
 * {@code {"result":{...}}} followed by a newline and flushed as its own HTTP chunk:
 *
 * <pre>{"result":{"header":{...,"revision":"6"},"created":true}}
 * {"result":{"header":{...,"revision":"7"},"events":[{"kv":{"key":"L3cx",...}}]}}</pre>
 *
 * The stream ends when the store cancels the watch (after writing the canceled response), when a
 * write fails because the client went away, or when the server stops.
 *
 * <p>Design: the store calls {@link #onResponse} on its own thread, one call at a time per watch
 * (the {@link WatchListener} contract), so responses are written in order without a queue; the
 * handler thread only waits for the end. A client that disconnects while its watch is idle is
 * noticed at the next response written to it: HTTP/1.1 gives no other signal.
 */
final class WatchStream implements WatchListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpExchange exchange;
  private final List<WatchEvent.Type> dropped;
  /** Completed when the stream must end; nothing is written after. */
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  /** The chunked response body; guarded by {@code this}, which serializes writes. */
  private OutputStream out;

  /** @param dropped event types the client's {@code filters} asked not to receive */
  WatchStream(HttpExchange exchange, List<WatchEvent.Type> dropped) {
    this.exchange = exchange;
    this.dropped = List.copyOf(dropped);
  }

  /** Runs the stream on the calling (handler) thread until it ends, then closes the exchange. */
  void serve(KeyValueStore store, WatchRequest request) throws IOException {
    // BEGIN EXERCISE 1.6 — the watch stream loop: send chunked headers, start the watch, wait for the end
    throw new UnsupportedOperationException("TODO exercise 1.6: the watch stream loop: send chunked headers, start the watch, wait for the end");
    // END EXERCISE 1.6
  }

  @Override
  public void onResponse(WatchResponse response) {
    // BEGIN EXERCISE 1.6 — write one watch response as a flushed result line; end on cancel or a failed write
    throw new UnsupportedOperationException("TODO exercise 1.6: write one watch response as a flushed result line; end on cancel or a failed write");
    // END EXERCISE 1.6
  }

  /** Ends the stream (server stopping). */
  void end() {
    done.complete(null);
  }

  /**
   * The response as this stream shows it: watch id 0 (etcd numbers watches per stream, and a
   * gateway stream carries one), without the events the filters drop; null if a batch of events
   * loses them all (etcd then sends nothing).
   */
  WatchResponse streamView(WatchResponse r) {
    List<WatchEvent> events = r.events().stream().filter(e -> !dropped.contains(e.type())).toList();
    if (!r.events().isEmpty() && events.isEmpty()) {
      return null;
    }
    return new WatchResponse(r.header(), 0, r.created(), r.canceled(), r.compactRevision(), r.cancelReason(), events);
  }
}
