package io.minik8s.controllers.loop;

import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.workqueue.RateLimitingQueue;
import io.minik8s.objects.meta.KubeObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The part every controller shares: a queue of keys, worker threads, and the retry policy around
 * one {@link SyncHandler}. Upstream each controller repeats this code (its {@code Run},
 * {@code worker}, {@code processNextWorkItem} and {@code handleErr}); here it is written once, so
 * two controllers differ only in their {@code sync}.
 *
 * <p>Tests do not start workers: they fill the informers' caches by hand and call the
 * controller's {@code sync(key)} directly, or {@link #processNextWorkItem()} to drive the queue
 * one step at a time.
 */
public final class ControllerLoop {

  private static final Logger LOG = System.getLogger(ControllerLoop.class.getName());

  private final String name;
  private final RateLimitingQueue<String> queue;
  private final List<SharedIndexInformer<?>> informers;
  /** Failures of one key before it is dropped until its next event (upstream: 15 for most). */
  private final int maxRetries;
  /** Replaceable so a test can observe or stub what the workers call. */
  private volatile SyncHandler sync;
  /** The worker threads; guarded by {@code this}. */
  private final List<Thread> workers = new ArrayList<>();

  public ControllerLoop(
      String name,
      RateLimitingQueue<String> queue,
      SyncHandler sync,
      int maxRetries,
      List<SharedIndexInformer<?>> informers) {
    this.name = name;
    this.queue = queue;
    this.sync = sync;
    this.maxRetries = maxRetries;
    this.informers = List.copyOf(informers);
  }

  public RateLimitingQueue<String> queue() {
    return queue;
  }

  public void setSync(SyncHandler sync) {
    this.sync = sync;
  }

  public void enqueue(KubeObject object) {
    queue.add(Keys.of(object));
  }

  public void enqueue(String key) {
    queue.add(key);
  }

  public void enqueueAfter(String key, Duration delay) {
    queue.addAfter(key, delay);
  }

  /** Waits for every informer to sync, then starts the workers; returns at once. */
  public synchronized void run(int workerCount) {
    Thread starter = new Thread(() -> {
      if (!waitForCaches()) {
        return;
      }
      synchronized (this) {
        for (int i = 0; i < workerCount && !queue.isShuttingDown(); i++) {
          Thread worker = new Thread(this::work, name + "-worker-" + i);
          worker.setDaemon(true);
          workers.add(worker);
          worker.start();
        }
      }
      LOG.log(Level.INFO, "{0}: caches synced, {1} workers started", name, workerCount);
    }, name + "-start");
    starter.setDaemon(true);
    starter.start();
  }

  private boolean waitForCaches() {
    try {
      while (!queue.isShuttingDown()) {
        if (informers.stream().allMatch(SharedIndexInformer::hasSynced)) {
          return true;
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private void work() {
    try {
      while (processNextWorkItem()) {
        // one key per turn until the queue shuts down
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Takes one key, syncs it, and settles it: forgotten on success, requeued with backoff on
   * failure (dropped after {@code maxRetries}: its next event brings it back). False once the
   * queue is shut down.
   */
  public boolean processNextWorkItem() throws InterruptedException {
    String key = queue.get();
    if (key == null) {
      return false;
    }
    try {
      sync.sync(key);
      queue.forget(key);
    } catch (Exception e) {
      handleError(key, e);
    } finally {
      queue.done(key);
    }
    return true;
  }

  private void handleError(String key, Exception e) {
    if (queue.numRequeues(key) < maxRetries) {
      LOG.log(Level.DEBUG, "{0}: syncing {1} failed, will retry: {2}", name, key, e.toString());
      queue.addRateLimited(key);
      return;
    }
    LOG.log(Level.WARNING, "{0}: dropping {1} after {2} retries: {3}", name, key, maxRetries,
        e.toString());
    queue.forget(key);
  }

  /** Shuts the queue down; workers finish their current key and exit. */
  public void shutdown() {
    queue.shutDown();
  }
}
