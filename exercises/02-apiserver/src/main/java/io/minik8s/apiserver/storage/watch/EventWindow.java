package io.minik8s.apiserver.storage.watch;

import io.minik8s.apiserver.errors.StatusErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent events of one resource, in revision order, at most {@code capacity} of them:
 * a watch from a recent resourceVersion replays from here instead of asking the store.
 *
 * <p>The window knows every event after {@link #startRevision()}. It starts at the revision the
 * cache began watching from; when the ring is full the oldest event falls out and the window
 * starts at that event's revision instead:
 *
 * <pre>
 * capacity 3, started at 10       window (10, ...]   events: -
 * events at 11, 12, 13            window (10, ...]   events: 11 12 13
 * event at 14: 11 falls out       window (11, ...]   events: 12 13 14
 * since(12) = [13, 14]; since(11) = [12, 13, 14]; since(10) = 410 too old resource version: 10 (11)
 * </pre>
 *
 * Not thread-safe: the {@link WatchCache} holds its lock around every call.
 *
 * <p>Upstream: the cyclic buffer of k8s.io/apiserver/pkg/storage/cacher/watch_cache.go.
 */
final class EventWindow {

  private final CacheEvent[] ring;
  /** Index of the oldest event. */
  private int head;
  private int size;
  /** Every event with a revision above this one is in the ring. */
  private long startRevision;

  EventWindow(int capacity, long startRevision) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a watch cache needs room for one event, not " + capacity);
    }
    this.ring = new CacheEvent[capacity];
    this.startRevision = startRevision;
  }

  long startRevision() {
    return startRevision;
  }

  int size() {
    return size;
  }

  /** Appends the newest event, dropping the oldest when full. */
  void add(CacheEvent event) {
    if (size == ring.length) {
      startRevision = ring[head].revision();
      ring[head] = null;
      head = (head + 1) % ring.length;
      size--;
    }
    ring[(head + size) % ring.length] = event;
    size++;
  }

  /**
   * The events after {@code revision}, oldest first.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 410 Expired {@code too old resource
   *     version: N (M)} when events after {@code revision} have already fallen out (M is the
   *     oldest revision a watch can still start from)
   */
  List<CacheEvent> since(long revision) {
    // BEGIN EXERCISE 2.3 — the events after a revision, or 410 when the window no longer reaches back to it
    throw new UnsupportedOperationException("TODO exercise 2.3: the events after a revision, or 410 when the window no longer reaches back to it");
    // END EXERCISE 2.3
  }
}
