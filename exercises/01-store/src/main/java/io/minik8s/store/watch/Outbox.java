package io.minik8s.store.watch;

import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchResponse;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One watcher's responses on their way to its listener: a bounded queue, drained on the
 * executor one response at a time, in order. {@link #offer} never blocks: a full outbox refuses,
 * and the hub decides what that means (a slow watcher is canceled).
 *
 * <p>Design: at most one delivery task per outbox is queued or running ({@link #scheduled}), so
 * calls to the listener never overlap and keep the queue's order. A task delivers one response
 * and resubmits itself while more wait, so a busy watch shares the executor's threads fairly with
 * the others instead of holding one until its queue is empty. The listener runs while holding
 * {@link #delivering}, which lets {@link #close} wait for a call in progress: after close
 * returns, the listener is never called again.
 */
final class Outbox {

  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  private final WatchListener listener;
  private final Executor executor;
  private final int capacity;
  private final Runnable onEmptied;

  /** Held while the listener runs. Lock order: {@code delivering}, then {@code queueLock}. */
  private final ReentrantLock delivering = new ReentrantLock();

  /** Guards the fields below. Taken under the hub's lock, never the other way round. */
  private final Object queueLock = new Object();

  private final ArrayDeque<WatchResponse> queue = new ArrayDeque<>();
  /** A delivery task is queued or running: at most one, so listener calls never overlap. */
  private boolean scheduled;
  /** The final response (a cancel) is queued: nothing more is accepted. */
  private boolean sealed;
  /** The watch was closed: nothing more is accepted or delivered. */
  private boolean closed;

  /**
   * @param capacity how many responses may wait for the listener (the final cancel is accepted
   *     beyond it)
   * @param onEmptied called, outside every lock, each time a delivery leaves the queue empty
   */
  Outbox(WatchListener listener, Executor executor, int capacity, Runnable onEmptied) {
    if (capacity < 2) {
      throw new IllegalArgumentException("an outbox must hold at least 2 responses (created and one more), got " + capacity);
    }
    this.listener = listener;
    this.executor = executor;
    this.capacity = capacity;
    this.onEmptied = onEmptied;
  }

  /**
   * Queues {@code response} for delivery, or returns false when {@link #capacity} responses are
   * already waiting. After the final response, or once closed, accepts and drops everything: the
   * watch is over.
   */
  boolean offer(WatchResponse response) {
    synchronized (queueLock) {
      if (sealed || closed) {
        return true;
      }
      if (queue.size() >= capacity) {
        return false;
      }
      queue.add(response);
      scheduleLocked();
      return true;
    }
  }

  /** Queues the watch's last response (its cancel), even when full; later offers are dropped. */
  void offerLast(WatchResponse response) {
    synchronized (queueLock) {
      if (sealed || closed) {
        return;
      }
      sealed = true;
      queue.add(response);
      scheduleLocked();
    }
  }

  boolean isFull() {
    synchronized (queueLock) {
      return queue.size() >= capacity;
    }
  }

  /**
   * Drops what is waiting and stops delivery. Waits for a listener call in progress on another
   * thread; called from the listener itself, returns at once (the current call is the last).
   */
  void close() {
    if (delivering.isHeldByCurrentThread()) {
      markClosed();
      return;
    }
    delivering.lock();
    try {
      markClosed();
    } finally {
      delivering.unlock();
    }
  }

  private void markClosed() {
    synchronized (queueLock) {
      closed = true;
      queue.clear();
    }
  }

  private void scheduleLocked() {
    if (scheduled || closed) {
      return;
    }
    scheduled = true;
    submitLocked();
  }

  private void submitLocked() {
    try {
      executor.execute(this::deliverOne);
    } catch (RejectedExecutionException e) {
      // The executor is shut down: nothing can be delivered any more.
      LOG.log(System.Logger.Level.WARNING, "watch delivery executor refused a task; dropping the watch's responses", e);
      scheduled = false;
      closed = true;
      queue.clear();
    }
  }

  private void deliverOne() {
    delivering.lock();
    try {
      WatchResponse next;
      synchronized (queueLock) {
        next = closed ? null : queue.poll();
        if (next == null) {
          scheduled = false;
          return;
        }
      }
      try {
        listener.onResponse(next);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "watch listener threw; the watch goes on", e);
      }
    } finally {
      delivering.unlock();
    }
    boolean emptied;
    synchronized (queueLock) {
      emptied = closed || queue.isEmpty();
      if (emptied) {
        scheduled = false;
      } else {
        submitLocked();
      }
    }
    if (emptied) {
      onEmptied.run();
    }
  }
}
