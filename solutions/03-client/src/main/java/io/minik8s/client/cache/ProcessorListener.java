package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One handler of a shared informer, with its own unbounded queue and its own thread: the informer
 * only appends to the queue, so a slow handler delays nobody but itself, and each handler sees
 * every notification once, in the informer's order.
 *
 * <p>Upstream: {@code processorListener} in k8s.io/client-go/tools/cache/shared_informer.go (its
 * {@code pendingNotifications} ring buffer is the unbounded queue here).
 */
final class ProcessorListener<T extends KubeObject> {

  private static final System.Logger LOG = System.getLogger(ProcessorListener.class.getName());

  private final ResourceEventHandler<T> handler;
  /** How often this handler wants onUpdate(o, o) for every cached object; zero: never. */
  private final Duration resyncPeriod;
  /** When the next resync is due; guarded by the informer's lock. */
  private Instant nextResync;

  private final LinkedBlockingQueue<Notification<T>> queue = new LinkedBlockingQueue<>();
  /** Notifications appended so far; with {@link #delivered}, tells what the handler has seen. */
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private volatile Thread thread;

  ProcessorListener(ResourceEventHandler<T> handler, Duration resyncPeriod, Instant now) {
    this.handler = handler;
    this.resyncPeriod = resyncPeriod;
    this.nextResync = now.plus(resyncPeriod);
  }

  Duration resyncPeriod() {
    return resyncPeriod;
  }

  /** True if this handler wants resyncs and the next one is due at {@code now}. */
  boolean resyncDue(Instant now) {
    return !resyncPeriod.isZero() && !now.isBefore(nextResync);
  }

  void resyncScheduled(Instant now) {
    nextResync = now.plus(resyncPeriod);
  }

  /** Appends a notification; never blocks. */
  void enqueue(Notification<T> notification) {
    enqueued.incrementAndGet();
    queue.add(notification);
  }

  long enqueued() {
    return enqueued.get();
  }

  /** Notifications the handler has returned from (or thrown out of). */
  long delivered() {
    return delivered.get();
  }

  synchronized void start(String name) {
    if (thread == null) {
      thread = new Thread(this::run, name);
      thread.setDaemon(true);
      thread.start();
    }
  }

  synchronized void stop() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      Notification<T> next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        next.deliverTo(handler);
      } catch (RuntimeException e) {
        // A handler bug must not kill the thread: later notifications still arrive.
        LOG.log(System.Logger.Level.WARNING, "event handler failed on " + next, e);
      }
      delivered.incrementAndGet();
    }
  }
}
