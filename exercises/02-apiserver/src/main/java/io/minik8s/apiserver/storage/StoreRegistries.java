package io.minik8s.apiserver.storage;

import io.minik8s.apiserver.storage.watch.WatchCache;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import io.minik8s.store.api.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The registries of every resource on one store, each made on first use and then reused, each
 * with its own watch cache. Closing stops the watch caches (every client watch ends) and their
 * threads; the store stays open (its owner closes it).
 *
 * <p>Threads: one shared pool of daemon threads delivers watch events (a watcher's delivery task
 * runs on it while the watcher has events), and one daemon timer sends bookmarks every
 * {@link Settings#bookmarkInterval()}.
 */
public final class StoreRegistries implements Registries, AutoCloseable {

  /**
   * Tunables of the watch caches; tests shrink them.
   *
   * @param cacheCapacity events each resource's cache keeps for replays
   * @param watcherQueue events one watcher may have waiting before it is ended as too slow
   * @param bookmarkInterval how often watchers that allow bookmarks get one; zero: only on the
   *     store's progress notifications and {@link #sendBookmarks()}
   */
  public record Settings(int cacheCapacity, int watcherQueue, Duration bookmarkInterval) {

    /** Upstream sends bookmarks about once a minute; we send them more often, they are cheap. */
    public static Settings defaults() {
      return new Settings(WatchCache.DEFAULT_CAPACITY, WatchCache.DEFAULT_WATCHER_QUEUE,
          Duration.ofSeconds(30));
    }
  }

  private final KeyValueStore store;
  private final Scheme scheme;
  private final Clock clock;
  private final RandomIds ids;
  private final Settings settings;
  private final Map<ResourceType, StoreRegistry> registries = new ConcurrentHashMap<>();
  private final ExecutorService delivery;
  private final ScheduledExecutorService timer;

  public StoreRegistries(KeyValueStore store, Scheme scheme, Clock clock, Random random) {
    this(store, scheme, clock, random, Settings.defaults());
  }

  public StoreRegistries(KeyValueStore store, Scheme scheme, Clock clock, Random random,
      Settings settings) {
    this.store = store;
    this.scheme = scheme;
    this.clock = clock;
    this.ids = new RandomIds(random);
    this.settings = settings;
    this.delivery = Executors.newCachedThreadPool(daemon("watch-delivery"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("watch-bookmarks"));
    long interval = settings.bookmarkInterval().toMillis();
    if (interval > 0) {
      timer.scheduleWithFixedDelay(this::sendBookmarksQuietly, interval, interval,
          TimeUnit.MILLISECONDS);
    }
  }

  /** The scheme the registries serve. */
  public Scheme scheme() {
    return scheme;
  }

  @Override
  public ObjectRegistry forType(ResourceType type) {
    return registries.computeIfAbsent(type, t -> new StoreRegistry(t, store, clock, ids,
        new WatchCache(store, t, delivery, settings.cacheCapacity(), settings.watcherQueue())));
  }

  /** The watch cache of a resource (for tests and metrics). */
  public WatchCache watchCache(ResourceType type) {
    return ((StoreRegistry) forType(type)).cache();
  }

  /** Sends every bookmark-allowing watcher a BOOKMARK now (what the timer does). */
  public void sendBookmarks() {
    List.copyOf(registries.values()).forEach(registry -> registry.cache().sendBookmarks());
  }

  private void sendBookmarksQuietly() {
    try {
      sendBookmarks();
    } catch (RuntimeException e) {
      // a failed round must not cancel the timer; the next one tries again
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    registries.values().forEach(registry -> registry.cache().close());
    delivery.shutdown();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
