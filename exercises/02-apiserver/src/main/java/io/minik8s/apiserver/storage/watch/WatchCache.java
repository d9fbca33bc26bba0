package io.minik8s.apiserver.storage.watch;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.storage.KeyLayout;
import io.minik8s.apiserver.storage.ObjectWatch;
import io.minik8s.apiserver.storage.WatchOptions;
import io.minik8s.apiserver.storage.WatchSink;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Every watch of one resource, served from one store watch. The cache watches the resource's
 * whole prefix ({@code /registry/pods/}) with previous values, keeps the recent events in an
 * {@link EventWindow}, and fans each event out to its {@link CacheWatcher}s, which filter it by
 * namespace and predicate. A thousand kubelets watching their pods cost the store one watch.
 *
 * <pre>
 *   store ──one watch──▶ WatchCache ──▶ EventWindow (last N events, for replays)
 *                            │
 *                            ├──▶ CacheWatcher (queue, own delivery) ──▶ sink
 *                            └──▶ CacheWatcher ...                     ──▶ sink
 * </pre>
 *
 * <p>The store watch starts with the first client watch. It starts at that client's
 * resourceVersion when the store still has it (so "list, then watch from the list's version"
 * works on a fresh cache), else at the current revision. A watch from before the window gets
 * 410 Expired, and the client lists again. If the store ends the cache's watch (compaction, a
 * lost connection), every client watch is ended and the next one starts the cache again.
 *
 * <p>Bookmarks: {@link #sendBookmarks()} sends every watcher that allows them a BOOKMARK at the
 * latest revision the cache knows is complete. It runs on every progress notification of the
 * store and on the owner's timer; tests call it directly.
 *
 * <p>Upstream: {@code Cacher} (k8s.io/apiserver/pkg/storage/cacher/cacher.go) and {@code
 * watchCache} (watch_cache.go).
 */
public final class WatchCache implements AutoCloseable {

  /** Events kept for replays when the owner does not say (upstream's default is 100 and grows). */
  public static final int DEFAULT_CAPACITY = 1000;

  /** Events one watcher may have waiting before it is ended as too slow. */
  public static final int DEFAULT_WATCHER_QUEUE = 1000;

  private final KeyValueStore store;
  private final ResourceType type;
  private final KeyLayout keys;
  private final Executor delivery;
  private final int capacity;
  private final int watcherQueue;

  /*
   * The lock protects everything below. Store responses and watcher registration both take it,
   * so a new watcher's replay and the live events after it neither overlap nor leave a gap.
   * Calls into the store that may wait for a delivery (Watch.close) are made without it.
   */
  private final Object lock = new Object();
  /** Identifies the running store watch; responses of an older one are ignored. Null: stopped. */
  private Object feed;
  private Watch storeWatch;
  private EventWindow window;
  /** The newest revision whose events the cache has all seen. */
  private long revision;
  private final Set<CacheWatcher> watchers = new LinkedHashSet<>();
  private boolean closed;

  /**
   * @param delivery runs each watcher's delivery task; it must not run them on the caller's
   *     thread (a cached thread pool of daemon threads is right)
   * @param capacity events kept for replays (tests shrink it)
   * @param watcherQueue events a watcher may have waiting before it is ended
   */
  public WatchCache(KeyValueStore store, ResourceType type, Executor delivery, int capacity,
      int watcherQueue) {
    this.store = store;
    this.type = type;
    this.keys = new KeyLayout(type);
    this.delivery = delivery;
    this.capacity = capacity;
    this.watcherQueue = watcherQueue;
  }

  /** See {@link io.minik8s.apiserver.storage.ObjectRegistry#watch}. */
  public ObjectWatch watch(String namespace, WatchOptions options, WatchSink sink) {
    String rv = options.resourceVersion();
    boolean fromNow = rv.isEmpty() || rv.equals("0");
    long from = fromNow ? 0 : parseResourceVersion(rv);
    start(from);
    List<CacheEvent> initial = new ArrayList<>();
    if (fromNow) {
      // The state now, from the store: read after the cache started, so at a revision the
      // window reaches; events after it follow from the window.
      RangeResponse state = store.range(RangeRequest.prefix(Bytes.of(keys.prefix(namespace))));
      from = state.header().revision();
      for (KeyValue kv : state.kvs()) {
        initial.add(CacheEvent.existing(kv));
      }
    }
    CacheWatcher watcher = new CacheWatcher(type, keys.prefix(namespace), options.predicate(),
        options.allowBookmarks(), from, sink, delivery, watcherQueue, this::forget);
    synchronized (lock) {
      if (window == null) {
        throw stopped();
      }
      watcher.begin(initial, window.since(from));
      watchers.add(watcher);
    }
    return watcher;
  }

  /** How many client watches are open (for tests and metrics). */
  public int watcherCount() {
    synchronized (lock) {
      return watchers.size();
    }
  }

  /** The newest revision the cache has seen completely; 0 before it started. */
  public long revision() {
    synchronized (lock) {
      return revision;
    }
  }

  /** Sends a BOOKMARK at {@link #revision()} to every watcher that allows bookmarks. */
  public void sendBookmarks() {
    synchronized (lock) {
      if (window != null) {
        dispatchLocked(CacheEvent.bookmark(revision));
      }
    }
  }

  /** Starts the store watch unless it runs: from {@code from} if the store still has it. */
  private void start(long from) {
    synchronized (lock) {
      if (closed) {
        throw stopped();
      }
      if (feed != null) {
        return;
      }
      String prefix = keys.resourcePrefix();
      long current = store.range(RangeRequest.prefix(Bytes.of(prefix)).withCountOnly())
          .header().revision();
      long start = from > 0 && from < current && !compacted(prefix, from) ? from : current;
      Object myFeed = new Object();
      feed = myFeed;
      window = new EventWindow(capacity, start);
      revision = start;
      storeWatch = store.watch(
          WatchRequest.prefix(Bytes.of(prefix)).fromRevision(start + 1).withPrevKv()
              .withProgressNotify(),
          response -> onStoreResponse(myFeed, response));
    }
  }

  private boolean compacted(String prefix, long revision) {
    try {
      store.range(RangeRequest.prefix(Bytes.of(prefix)).withCountOnly().atRevision(revision));
      return false;
    } catch (StoreException e) {
      if (e.error() == StoreError.COMPACTED) {
        return true;
      }
      throw e;
    }
  }

  private void onStoreResponse(Object from, WatchResponse response) {
    List<CacheWatcher> ended = List.of();
    synchronized (lock) {
      if (from != feed || response.created()) {
        return;
      }
      if (response.canceled()) {
        // The store ended our watch; the next client watch starts a new one.
        ended = stopLocked();
      } else if (response.isProgressNotify()) {
        // Every event up to the header's revision has been delivered: a safe bookmark.
        revision = Math.max(revision, response.header().revision());
        dispatchLocked(CacheEvent.bookmark(revision));
      } else {
        for (io.minik8s.store.api.WatchEvent event : response.events()) {
          CacheEvent change;
          try {
            change = CacheEvent.from(event);
          } catch (ApiException undecodable) {
            continue; // a value that is not an object cannot be shown to anyone
          }
          if (change != null) {
            dispatchLocked(change);
          }
        }
      }
    }
    ended.forEach(CacheWatcher::end);
  }

  /**
   * Fans one event out: a change goes into the window and advances the cache's revision; every
   * watcher gets it (they filter it themselves); a watcher whose queue overflowed is dropped.
   */
  private void dispatchLocked(CacheEvent event) {
    // BEGIN EXERCISE 2.3 — fan one event out to every watcher, dropping those that fell behind
    throw new UnsupportedOperationException("TODO exercise 2.3: fan one event out to every watcher, dropping those that fell behind");
    // END EXERCISE 2.3
  }

  private void forget(CacheWatcher watcher) {
    synchronized (lock) {
      watchers.remove(watcher);
    }
  }

  /** Forgets the store watch and the watchers; returns the watchers to end, outside the lock. */
  private List<CacheWatcher> stopLocked() {
    List<CacheWatcher> ended = new ArrayList<>(watchers);
    watchers.clear();
    feed = null;
    storeWatch = null;
    window = null;
    return ended;
  }

  /** Stops the store watch and ends every client watch. */
  @Override
  public void close() {
    Watch running;
    List<CacheWatcher> ended;
    synchronized (lock) {
      closed = true;
      running = storeWatch;
      ended = stopLocked();
    }
    if (running != null) {
      running.close();
    }
    ended.forEach(CacheWatcher::end);
  }

  private ApiException stopped() {
    return StatusErrors.unavailable("the watch cache of " + type.plural() + " is stopped");
  }

  private static long parseResourceVersion(String resourceVersion) {
    try {
      long revision = Long.parseLong(resourceVersion);
      if (revision >= 0) {
        return revision;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw StatusErrors.badRequest("invalid resource version: " + resourceVersion);
  }
}
