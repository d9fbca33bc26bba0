package io.minik8s.client.cache;

import io.minik8s.client.errors.ApiStatusException;
import io.minik8s.client.errors.GoneException;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Keeps a {@link Store} equal to the server's state of one kind: list once, then watch from the
 * list's resourceVersion and apply every event, for as long as it runs.
 *
 * <p>Callers use {@link #run()} on a thread of their own and {@link #stop()} from another. Tests
 * drive it one round at a time with {@link #listAndWatchOnce()}, which needs no thread.
 *
 * <pre>
 *   list(rv "0") ──► store.replace(items, "100") ──► watch(rv "100", bookmarks, timeout)
 *        ▲                                              │ ADDED/MODIFIED/DELETED -> store, rv := event's
 *        │                                              │ BOOKMARK               -> rv := event's
 *        │  410 Gone (our rv was compacted away)        ▼
 *        └──────────────────────────────────── the watch ends:
 *                                                 cleanly (server timeout) -> watch again from rv
 *                                                 410 Gone                 -> list again
 *                                                 anything else            -> back off, watch again
 * </pre>
 *
 * <p>Upstream: {@code Reflector.ListAndWatch}, {@code watch} and {@code handleWatch} in
 * k8s.io/client-go/tools/cache/reflector.go.
 */
public final class Reflector<T extends KubeObject> {

  /** What {@link #listAndWatchOnce()} decided the next round does. */
  public enum Next {
    /** The watch ended cleanly: watch again from the last resourceVersion, without a list. */
    REWATCH,
    /** 410 Gone: the last resourceVersion is too old to watch from; list again. */
    RELIST,
    /** A failure: the reflector has backed off and retries what failed. */
    BACKED_OFF,
    /** {@link #stop()} was called. */
    STOPPED
  }

  /**
   * Watches ask the server to close them after a random time in [5, 10) minutes, spreading the
   * re-watches of many clients (upstream's {@code defaultMinWatchTimeout}).
   */
  static final Duration MIN_WATCH_TIMEOUT = Duration.ofMinutes(5);

  private static final System.Logger LOG = System.getLogger(Reflector.class.getName());

  private final ListerWatcher<T> listerWatcher;
  private final Store<T> store;
  private final Clock clock;
  private final Backoff backoff;
  private final Sleeper sleeper;
  /** Picks jitter and watch timeouts; tests pass a seeded one. */
  private final Random random;

  // State of the loop: touched only by the thread running it, except as noted.
  /** The resourceVersion of the last list or event applied; "" before the first list. */
  private volatile String lastSyncResourceVersion = "";
  private boolean needsList = true;
  /** Failures in a row since the last reset; picks the next backoff delay. */
  private int failures;
  private Instant lastBackoffAt;

  // Shared with stop().
  private volatile boolean stopped;
  private volatile WatchStream<T> currentWatch;
  private volatile Thread runner;

  /** A reflector with client-go's backoff, sleeping for real. */
  public Reflector(ListerWatcher<T> listerWatcher, Store<T> store, Clock clock) {
    this(listerWatcher, store, clock, Backoff.DEFAULT, Sleeper.REAL, new Random());
  }

  public Reflector(
      ListerWatcher<T> listerWatcher,
      Store<T> store,
      Clock clock,
      Backoff backoff,
      Sleeper sleeper,
      Random random) {
    this.listerWatcher = listerWatcher;
    this.store = store;
    this.clock = clock;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** The resourceVersion of the last list or event applied; "" before the first list. */
  public String lastSyncResourceVersion() {
    return lastSyncResourceVersion;
  }

  /** Lists and watches until {@link #stop()}; blocks the calling thread. */
  public void run() {
    runner = Thread.currentThread();
    try {
      while (!stopped) {
        listAndWatchOnce();
      }
    } finally {
      runner = null;
      Thread.interrupted(); // stop() may have interrupted us; do not leak the flag to the caller
    }
  }

  /** Ends {@link #run()}: closes the open watch and wakes a backoff sleep. Idempotent. */
  public void stop() {
    stopped = true;
    WatchStream<T> watch = currentWatch;
    if (watch != null) {
      watch.close();
    }
    Thread thread = runner;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /**
   * One round: a list if one is needed (the first round, or after 410 Gone), then one watch until
   * it ends, then the decision about the next round (backing off, through the sleeper, if the
   * round failed). Returns that decision.
   */
  public Next listAndWatchOnce() {
    if (stopped) {
      return Next.STOPPED;
    }
    try {
      if (needsList) {
        list();
      }
      watch();
      return stopped ? Next.STOPPED : decide(null);
    } catch (RuntimeException e) {
      if (stopped) {
        return Next.STOPPED;
      }
      LOG.log(System.Logger.Level.DEBUG, "list or watch failed: {0}", e.toString());
      return decide(e);
    }
  }

  /**
   * Lists every object and replaces the store's content, then remembers the list's
   * resourceVersion: the next watch starts there, so no change between the two is lost.
   */
  void list() {
    // BEGIN EXERCISE 3.2 — list, then remember the list's resourceVersion to watch from
    ObjectList<T> list;
    String from = lastSyncResourceVersion.isEmpty() ? "0" : lastSyncResourceVersion;
    try {
      list = listerWatcher.list(ListOptions.ALL.withResourceVersion(from));
    } catch (GoneException e) {
      // Our version has been compacted away: ask for the latest state (a consistent read).
      list = listerWatcher.list(ListOptions.ALL);
    }
    String version = list.metadata() == null ? null : list.metadata().resourceVersion();
    version = version == null ? "" : version;
    store.replace(list.items(), version);
    lastSyncResourceVersion = version;
    needsList = false;
    // END EXERCISE 3.2
  }

  /**
   * Opens a watch from the last resourceVersion, with bookmarks and a timeout, and applies its
   * events until it ends. Returns normally when the server ends the stream; throws what broke it.
   */
  void watch() {
    // BEGIN EXERCISE 3.2 — watch from the last resourceVersion and apply events until it ends
    ListOptions options = ListOptions.ALL
        .withResourceVersion(lastSyncResourceVersion)
        .withBookmarks(true)
        .withTimeoutSeconds(watchTimeoutSeconds());
    try (WatchStream<T> stream = listerWatcher.watch(options)) {
      currentWatch = stream;
      if (stopped) {
        return; // stop() ran before it could see this stream
      }
      WatchEvent<T> event;
      while ((event = stream.next()) != null) {
        apply(event);
      }
    } finally {
      currentWatch = null;
    }
    // END EXERCISE 3.2
  }

  /**
   * Applies one event: a change goes to the store, and every event but an error moves the
   * resourceVersion forward (a BOOKMARK does only that). An ERROR event ends the watch: it is
   * thrown, as a {@link GoneException} for 410.
   */
  void apply(WatchEvent<T> event) {
    // BEGIN EXERCISE 3.2 — apply one watch event to the store
    switch (event.type()) {
      case ADDED -> store.add(event.object());
      case MODIFIED -> store.update(event.object());
      case DELETED -> store.delete(event.object());
      case BOOKMARK -> { }
      case ERROR -> throw errorOf(event.status());
    }
    String version = event.object().metadata().resourceVersion();
    if (version != null && !version.isEmpty()) {
      lastSyncResourceVersion = version;
    }
    // END EXERCISE 3.2
  }

  /**
   * What a round that ended with {@code error} (null: the watch ended cleanly) means for the next
   * one. A clean end is the server's watch timeout: watch again at once, no list. 410 Gone means
   * events we never saw are lost: list again. Anything else (the server unreachable, a 500...):
   * back off, then retry (a list if the list failed, else a watch from where we were).
   */
  Next decide(RuntimeException error) {
    // BEGIN EXERCISE 3.2 — decide: rewatch, relist or back off
    if (error == null) {
      return Next.REWATCH;
    }
    if (error instanceof GoneException) {
      needsList = true;
      return Next.RELIST;
    }
    backOff();
    return Next.BACKED_OFF;
    // END EXERCISE 3.2
  }

  /** Sleeps the {@linkplain #nextDelay() next backoff delay}; stop() wakes it. */
  void backOff() {
    try {
      sleeper.sleep(nextDelay());
    } catch (InterruptedException e) {
      stopped = true; // only stop() interrupts the runner
    }
  }

  /**
   * The delay before the next retry. The failure count grows by one per call and starts over when
   * the previous call is more than {@code backoff.resetAfter()} ago: the server has been healthy
   * since (upstream: {@code wait.Backoff.DelayWithReset}).
   */
  Duration nextDelay() {
    // BEGIN EXERCISE 3.2 — count failures, start over after a quiet period, pick the delay
    Instant now = clock.instant();
    if (lastBackoffAt != null
        && Duration.between(lastBackoffAt, now).compareTo(backoff.resetAfter()) > 0) {
      failures = 0;
    }
    lastBackoffAt = now;
    return backoff.delay(failures++, random.nextDouble());
    // END EXERCISE 3.2
  }

  private long watchTimeoutSeconds() {
    long min = MIN_WATCH_TIMEOUT.toSeconds();
    return min + (long) (random.nextDouble() * min);
  }

  private static ApiStatusException errorOf(Status status) {
    if (status == null) {
      return new ApiStatusException(
          Status.failure(500, "InternalError", "watch ERROR event without a status", null));
    }
    return status.code() != null && status.code() == 410
        ? new GoneException(status)
        : new ApiStatusException(status);
  }
}
