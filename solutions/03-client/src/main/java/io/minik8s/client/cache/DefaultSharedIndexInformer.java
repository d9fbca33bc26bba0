package io.minik8s.client.cache;

import io.minik8s.client.cache.Notification.Added;
import io.minik8s.client.cache.Notification.Deleted;
import io.minik8s.client.cache.Notification.Updated;
import io.minik8s.objects.meta.KubeObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Reflector} filling a {@link ThreadSafeIndexer}, and every change fanned out to any
 * number of handlers, each on its own thread ({@link ProcessorListener}).
 *
 * <pre>
 *   reflector ──► changes (this class's Store) ──► indexer (the cache)
 *                        │  old vs new
 *                        └──► onAdd / onUpdate / onDelete ──► queue + thread per handler
 * </pre>
 *
 * <p>A relist is turned into notifications by comparing it with the cache: a new object is an
 * add, a changed one (other resourceVersion) an update, a cached object the list lacks a delete
 * of its last known state (the deletion happened while we were not watching). An unchanged object
 * is no news and produces no notification (upstream treats it as a sync, delivered only to
 * handlers whose resync is due; their periodic resync covers it).
 *
 * <p>Design: upstream puts a DeltaFIFO between the reflector and the cache and pops it on a
 * controller goroutine. Here the reflector's store applies each change to the cache and queues its
 * notifications under one lock, which is all the FIFO achieved for a single consumer: one order
 * for the cache and for every handler. The per-handler queues are unbounded, so that lock is never
 * held while a handler runs.
 *
 * <p>Not started, the informer is an ordinary cache: tests fill {@link #indexer()} by hand.
 *
 * <p>Upstream: {@code sharedIndexInformer}, {@code sharedProcessor} and {@code HandleDeltas} in
 * k8s.io/client-go/tools/cache/shared_informer.go; {@code DeltaFIFO.Replace} in delta_fifo.go.
 */
public final class DefaultSharedIndexInformer<T extends KubeObject>
    implements SharedIndexInformer<T> {

  /** Shorter resync periods are raised to this (upstream's {@code minimumResyncPeriod}). */
  static final Duration MIN_RESYNC_PERIOD = Duration.ofSeconds(1);

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String name = "informer-" + INSTANCES.incrementAndGet();
  private final Clock clock;
  private final Duration defaultResync;
  private final ThreadSafeIndexer<T> indexer = new ThreadSafeIndexer<>();
  private final Lister<T> lister = new IndexerLister<>(indexer);
  private final Reflector<T> reflector;

  /**
   * Orders every cache change, its notifications, handler registration and resync, so each
   * handler sees one history. Guards the fields below. Never held while a handler runs.
   */
  private final Object lock = new Object();
  private final List<ProcessorListener<T>> listeners = new ArrayList<>();
  /** How often resyncs are checked: the smallest handler period asked for before start. */
  private Duration resyncCheckPeriod;
  private boolean handlersStarted;
  private boolean started;
  private boolean stopped;
  /** Per handler present at the first list: how many notifications it must have seen to sync. */
  private Map<ProcessorListener<T>, Long> syncTargets;
  private boolean synced;
  private Thread reflectorThread;
  private Thread resyncThread;

  /**
   * @param defaultResync the resync period of handlers added without one; zero: none
   */
  public DefaultSharedIndexInformer(
      ListerWatcher<T> listerWatcher, Duration defaultResync, Clock clock) {
    this(listerWatcher, defaultResync, clock, Backoff.DEFAULT, Sleeper.REAL, new Random());
  }

  /** For tests: the reflector's backoff, sleeper and randomness. */
  DefaultSharedIndexInformer(
      ListerWatcher<T> listerWatcher,
      Duration defaultResync,
      Clock clock,
      Backoff backoff,
      Sleeper sleeper,
      Random random) {
    this.clock = clock;
    this.defaultResync = Objects.requireNonNull(defaultResync, "defaultResync");
    this.resyncCheckPeriod = defaultResync;
    this.reflector = new Reflector<>(listerWatcher, new Changes(), clock, backoff, sleeper, random);
  }

  @Override
  public void addEventHandler(ResourceEventHandler<T> handler) {
    addEventHandler(handler, defaultResync);
  }

  @Override
  public void addEventHandler(ResourceEventHandler<T> handler, Duration resyncPeriod) {
    synchronized (lock) {
      Duration period = resyncPeriodLocked(resyncPeriod);
      ProcessorListener<T> listener = new ProcessorListener<>(handler, period, clock.instant());
      catchUpLocked(listener);
      listeners.add(listener);
      if (handlersStarted) {
        listener.start(name + "-handler-" + listeners.size());
      }
    }
  }

  @Override
  public Indexer<T> indexer() {
    return indexer;
  }

  @Override
  public Lister<T> lister() {
    return lister;
  }

  @Override
  public boolean hasSynced() {
    synchronized (lock) {
      if (!synced && syncTargets != null) {
        synced = syncTargets.entrySet().stream()
            .allMatch(target -> target.getKey().delivered() >= target.getValue());
      }
      return synced;
    }
  }

  @Override
  public String lastSyncResourceVersion() {
    return reflector.lastSyncResourceVersion();
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (started || stopped) {
        return;
      }
      started = true;
      startHandlers();
      reflectorThread = daemon(name + "-reflector", reflector::run);
      resyncThread = daemon(name + "-resync", this::resyncLoop);
    }
  }

  @Override
  public void stop() {
    Thread reflecting;
    Thread resyncing;
    synchronized (lock) {
      stopped = true;
      reflecting = reflectorThread;
      resyncing = resyncThread;
      listeners.forEach(ProcessorListener::stop);
    }
    reflector.stop();
    if (resyncing != null) {
      resyncing.interrupt();
    }
    if (reflecting != null) {
      reflecting.interrupt();
    }
  }

  /** Starts the handler threads only: tests then drive {@link #reflector()} by hand. */
  void startHandlers() {
    synchronized (lock) {
      handlersStarted = true;
      for (int i = 0; i < listeners.size(); i++) {
        listeners.get(i).start(name + "-handler-" + (i + 1));
      }
    }
  }

  /** The reflector, for tests that call {@link Reflector#listAndWatchOnce()} themselves. */
  Reflector<T> reflector() {
    return reflector;
  }

  /** The period resyncs are checked at (the resync thread's tick). */
  Duration resyncCheckPeriod() {
    synchronized (lock) {
      return resyncCheckPeriod;
    }
  }

  /**
   * Queues onUpdate(o, o) for every cached object to each handler whose resync period has passed
   * on the clock since its last resync, and schedules its next one. The resync thread calls this
   * every {@link #resyncCheckPeriod()}; tests call it after moving a manual clock.
   */
  void resyncCheck() {
    synchronized (lock) {
      // BEGIN EXERCISE 3.3 — periodic resync: each handler whose period passed gets onUpdate(o, o)
      Instant now = clock.instant();
      List<ProcessorListener<T>> due = new ArrayList<>();
      for (ProcessorListener<T> listener : listeners) {
        if (listener.resyncDue(now)) {
          listener.resyncScheduled(now);
          due.add(listener);
        }
      }
      if (due.isEmpty()) {
        return;
      }
      for (T object : indexer.list()) {
        for (ProcessorListener<T> listener : due) {
          listener.enqueue(new Updated<>(object, object));
        }
      }
      // END EXERCISE 3.3
    }
  }

  /** A handler added to a running informer first hears of every object already cached. */
  private void catchUpLocked(ProcessorListener<T> listener) {
    // BEGIN EXERCISE 3.3 — a handler added late first gets onAdd for every cached object
    for (T object : indexer.list()) {
      listener.enqueue(new Added<>(object));
    }
    // END EXERCISE 3.3
  }

  /**
   * The period a new handler gets: zero stays zero (no resync), anything shorter than a second is
   * a second; before start a shorter period lowers the informer's check period, after start the
   * check period cannot change and the handler's is raised to it (upstream's
   * {@code AddEventHandlerWithResyncPeriod}).
   */
  private Duration resyncPeriodLocked(Duration desired) {
    if (desired == null || desired.isZero() || desired.isNegative()) {
      return Duration.ZERO;
    }
    Duration period = desired.compareTo(MIN_RESYNC_PERIOD) < 0 ? MIN_RESYNC_PERIOD : desired;
    boolean shorter = resyncCheckPeriod.isZero() || period.compareTo(resyncCheckPeriod) < 0;
    if (!started && shorter) {
      resyncCheckPeriod = period;
    } else if (started && period.compareTo(resyncCheckPeriod) < 0) {
      period = resyncCheckPeriod;
    }
    return period;
  }

  private void resyncLoop() {
    while (true) {
      Duration tick = resyncCheckPeriod();
      try {
        Thread.sleep(tick.isZero() ? MIN_RESYNC_PERIOD.toMillis() : tick.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      resyncCheck();
    }
  }

  private void distributeLocked(List<Notification<T>> notifications) {
    for (Notification<T> notification : notifications) {
      for (ProcessorListener<T> listener : listeners) {
        listener.enqueue(notification);
      }
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static boolean sameVersion(KubeObject a, KubeObject b) {
    String va = a.metadata().resourceVersion();
    return va != null && !va.isEmpty() && va.equals(b.metadata().resourceVersion());
  }

  /**
   * The reflector's store: applies each change to the cache and queues what it means for the
   * handlers, old state included, under the informer's lock.
   */
  private final class Changes implements Store<T> {

    @Override
    public void add(T object) {
      synchronized (lock) {
        Optional<T> old = indexer.getByKey(Keys.of(object));
        indexer.add(object);
        distributeLocked(List.of(
            old.isPresent() ? new Updated<>(old.get(), object) : new Added<>(object)));
      }
    }

    @Override
    public void update(T object) {
      add(object);
    }

    @Override
    public void delete(T object) {
      synchronized (lock) {
        if (indexer.getByKey(Keys.of(object)).isEmpty()) {
          return; // never seen: nothing to tell (upstream DeltaFIFO.Delete drops it too)
        }
        indexer.delete(object);
        distributeLocked(List.of(new Deleted<>(object)));
      }
    }

    @Override
    public void replace(List<T> items, String resourceVersion) {
      synchronized (lock) {
        distributeLocked(relistNotifications(items));
        indexer.replace(items, resourceVersion);
        if (syncTargets == null) {
          syncTargets = new IdentityHashMap<>();
          for (ProcessorListener<T> listener : listeners) {
            syncTargets.put(listener, listener.enqueued());
          }
        }
      }
    }

    /**
     * What a relist means for the handlers, by comparing it with the cache (which still holds
     * the state before the relist): adds, updates with the old state, deletes of the last known
     * state; nothing for an unchanged object.
     */
    private List<Notification<T>> relistNotifications(List<T> items) {
      // BEGIN EXERCISE 3.3 — turn a relist into add/update/delete notifications
      List<Notification<T>> notifications = new ArrayList<>();
      Set<String> listed = new HashSet<>();
      for (T object : items) {
        String key = Keys.of(object);
        listed.add(key);
        Optional<T> old = indexer.getByKey(key);
        if (old.isEmpty()) {
          notifications.add(new Added<>(object));
        } else if (!sameVersion(old.get(), object)) {
          notifications.add(new Updated<>(old.get(), object));
        }
      }
      for (T cached : indexer.list()) {
        if (!listed.contains(Keys.of(cached))) {
          // Deleted while we were not watching: the last state we knew is all there is.
          notifications.add(new Deleted<>(cached));
        }
      }
      return notifications;
      // END EXERCISE 3.3
    }

    @Override
    public List<T> list() {
      return indexer.list();
    }

    @Override
    public List<String> listKeys() {
      return indexer.listKeys();
    }

    @Override
    public Optional<T> getByKey(String key) {
      return indexer.getByKey(key);
    }
  }
}
