package io.minik8s.client.workqueue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The plain {@link WorkQueue}: a FIFO of items plus two sets that make the guarantees hold
 * (upstream: k8s.io/client-go/util/workqueue/queue.go).
 *
 * <p>A trace, one worker, item {@code a}:
 *
 * <pre>
 *   operation      queue   dirty   processing
 *   add(a)         [a]     {a}     {}
 *   add(a)         [a]     {a}     {}          de-duplicated: a is already waiting
 *   get() -> a     []      {}      {a}
 *   add(a)         []      {a}     {a}         a changed while processed: remember, don't queue
 *   get() blocks   (a must not reach a second worker)
 *   done(a)        [a]     {a}     {}          re-added meanwhile: queued again
 * </pre>
 *
 * <p>Locking: {@link #lock} guards every field; public methods take it and call a
 * {@code ...Locked} method that assumes it is held. {@link #itemsOrShutDown} is signalled when
 * an item is queued and on shut down.
 */
final class BasicQueue<T> implements WorkQueue<T> {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition itemsOrShutDown = lock.newCondition();

  /**
   * The order items are handed out in. Every item in it is also in {@link #dirty}, and none is
   * in {@link #processing}.
   */
  private final ArrayDeque<T> queue = new ArrayDeque<>();

  /**
   * Every item that needs processing: waiting in {@link #queue}, or added again while a worker
   * has it (then it is in {@link #processing} too, and queued only at {@link #done}).
   */
  private final Set<T> dirty = new HashSet<>();

  /** The items a worker has taken with {@link #get} and not yet returned with {@link #done}. */
  private final Set<T> processing = new HashSet<>();

  /** Set once by {@link #shutDown}; adds are then ignored. */
  private boolean shuttingDown;

  @Override
  public void add(T item) {
    lock.lock();
    try {
      addLocked(item);
    } finally {
      lock.unlock();
    }
  }

  private void addLocked(T item) {
    // BEGIN EXERCISE 3.4 — add: de-duplicate and respect processing
    if (shuttingDown || dirty.contains(item)) {
      return;
    }
    dirty.add(item);
    if (processing.contains(item)) {
      return; // a worker has it: done() queues it again
    }
    queue.addLast(item);
    itemsOrShutDown.signal();
    // END EXERCISE 3.4
  }

  @Override
  public int len() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public T get() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !shuttingDown) {
        itemsOrShutDown.await();
      }
      return takeLocked();
    } finally {
      lock.unlock();
    }
  }

  /** The next item, now being processed; null if none is waiting (the queue is shutting down). */
  private T takeLocked() {
    // BEGIN EXERCISE 3.4 — get: hand out the oldest item and mark it processing
    if (queue.isEmpty()) {
      return null;
    }
    T item = queue.removeFirst();
    processing.add(item);
    dirty.remove(item);
    return item;
    // END EXERCISE 3.4
  }

  @Override
  public void done(T item) {
    lock.lock();
    try {
      doneLocked(item);
    } finally {
      lock.unlock();
    }
  }

  private void doneLocked(T item) {
    // BEGIN EXERCISE 3.4 — done: requeue an item re-added while processed
    processing.remove(item);
    if (dirty.contains(item)) {
      queue.addLast(item);
      itemsOrShutDown.signal();
    }
    // END EXERCISE 3.4
  }

  @Override
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      itemsOrShutDown.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isShuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }
}
