package io.minik8s.apiserver.storage.watch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.ObjectWatch;
import io.minik8s.apiserver.storage.SelectionPredicate;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchSink;
import io.minik8s.objects.scheme.ResourceType;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One client's watch on a {@link WatchCache}: a bounded queue the cache puts events into
 * without waiting, and a delivery task that takes them out, filters them and calls the sink.
 * A slow sink therefore delays only its own watcher; when its queue is full the watcher is
 * ended (the client watches again from its last resourceVersion) instead of the cache waiting.
 *
 * <p>Filtering happens on delivery, per watcher: an object that stops matching the predicate
 * becomes DELETED, one that starts matching becomes ADDED, so the client's view stays exactly
 * "the objects that match".
 *
 * <p>Upstream: {@code cacheWatcher} in k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go.
 */
final class CacheWatcher implements ObjectWatch {

  private final ResourceType type;
  /** The key prefix of the watched namespace (or of the whole resource). */
  private final String keyPrefix;
  private final SelectionPredicate predicate;
  private final boolean allowBookmarks;
  /** Events at or below this revision are already known to the client. */
  private final long startRevision;
  private final WatchSink sink;
  private final Executor delivery;
  private final int capacity;
  /** Tells the cache to forget this watcher when the client closes it. */
  private final Consumer<CacheWatcher> onClientClose;

  // Guarded by this. Invariant: scheduled is true while a delivery task is queued or running,
  // so at most one task calls the sink at a time and events reach it in order.
  private final ArrayDeque<CacheEvent> queue = new ArrayDeque<>();
  private boolean scheduled;
  private boolean closed;
  /** The sink must hear onClose (the server ended the watch) and has not yet. */
  private boolean endPending;

  CacheWatcher(ResourceType type, String keyPrefix, SelectionPredicate predicate,
      boolean allowBookmarks, long startRevision, WatchSink sink, Executor delivery, int capacity,
      Consumer<CacheWatcher> onClientClose) {
    this.type = type;
    this.keyPrefix = keyPrefix;
    this.predicate = predicate;
    this.allowBookmarks = allowBookmarks;
    this.startRevision = startRevision;
    this.sink = sink;
    this.delivery = delivery;
    this.capacity = capacity;
    this.onClientClose = onClientClose;
  }

  boolean allowBookmarks() {
    return allowBookmarks;
  }

  long startRevision() {
    return startRevision;
  }

  /**
   * Queues what the watch starts with, before any live event and regardless of the bound: the
   * current objects (a watch from "" or "0") and the window's events after the start revision.
   */
  synchronized void begin(List<CacheEvent> initial, List<CacheEvent> replay) {
    queue.addAll(initial);
    for (CacheEvent event : replay) {
      if (concerns(event)) {
        queue.add(event);
      }
    }
    scheduleLocked();
  }

  /**
   * Queues a live event without waiting. Returns false if this watcher is closed, or has just
   * been closed because its queue was full; the cache then drops it.
   */
  synchronized boolean offer(CacheEvent event) {
    // BEGIN EXERCISE 2.3 — queue one event for this watcher without blocking; end it when its queue is full
    throw new UnsupportedOperationException("TODO exercise 2.3: queue one event for this watcher without blocking; end it when its queue is full");
    // END EXERCISE 2.3
  }

  /** Whether a change is new to this client and in its namespace. */
  private boolean concerns(CacheEvent event) {
    return event.revision() > startRevision && event.key().startsWith(keyPrefix);
  }

  /**
   * What this client sees of a change, or null if nothing: the cache's ADDED/MODIFIED/DELETED
   * is decided anew from whether the old and the new object match the predicate.
   *
   * <pre>
   * old matches   new matches   the client sees
   *     no            yes        ADDED     (new object)
   *     yes           yes        MODIFIED  (new object)
   *     yes           no         DELETED   (old object, at the change's revision)
   *     no            no         nothing
   * </pre>
   *
   * A DELETED change has no new object. Upstream: {@code convertToWatchEvent} in cache_watcher.go.
   */
  WatchEvent convert(CacheEvent event) {
    if (event.type() == WatchEvent.Type.BOOKMARK) {
      return new WatchEvent(WatchEvent.Type.BOOKMARK, bookmarkObject(event.revision()));
    }
    // BEGIN EXERCISE 2.3 — turn a change into what this watcher sees (ADDED, MODIFIED, DELETED or nothing)
    throw new UnsupportedOperationException("TODO exercise 2.3: turn a change into what this watcher sees (ADDED, MODIFIED, DELETED or nothing)");
    // END EXERCISE 2.3
  }

  /** An object of the watched kind with only {@code metadata.resourceVersion}. */
  private ObjectNode bookmarkObject(long revision) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("apiVersion", type.kind().apiVersion());
    json.put("kind", type.kind().kind());
    json.putObject("metadata").put("resourceVersion", Long.toString(revision));
    return json;
  }

  /** The client is done: no event follows, and the sink hears nothing more. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      queue.clear();
    }
    onClientClose.accept(this);
  }

  /** The server ends this watch: pending events are dropped, the sink hears {@code onClose}. */
  synchronized void end() {
    endLocked();
  }

  private void endLocked() {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    endPending = true;
    scheduleLocked();
  }

  synchronized boolean isClosed() {
    return closed;
  }

  private void scheduleLocked() {
    if (!scheduled && (!queue.isEmpty() || endPending)) {
      scheduled = true;
      delivery.execute(this::deliver);
    }
  }

  /** The delivery task: hands queued events to the sink, one at a time, until none are left. */
  private void deliver() {
    while (true) {
      CacheEvent next;
      boolean end = false;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          end = endPending;
          endPending = false;
          scheduled = false;
          if (!end) {
            return;
          }
        }
      }
      try {
        if (end) {
          sink.onClose();
          return;
        }
        WatchEvent event = convert(next);
        if (event != null) {
          sink.onEvent(event);
        }
      } catch (RuntimeException e) {
        // A sink that throws (its client went away) ends its own watch, nobody else's.
        end();
      }
    }
  }
}
