package io.minik8s.client.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link DelayingQueue} around a {@link WorkQueue}: delayed items wait in a priority queue
 * ordered by the time they become ready, and one waiting thread moves them into the work queue
 * when that time comes (upstream: k8s.io/client-go/util/workqueue/delaying_queue.go).
 *
 * <p>Design: the waiting thread sleeps until the earliest ready time, but never longer than a
 * heartbeat, and is woken early when an item with an earlier time arrives or the queue shuts
 * down. Time is read from the injected {@link Clock}; the thread's sleep is real time, so with a
 * test's manual clock the thread only notices an advance at the next heartbeat: tests call
 * {@link #moveDueItems()} themselves after advancing the clock.
 *
 * <p>Locking: {@link #lock} guards {@link #waiting}, {@link #waitingByItem} and {@link #waiter}.
 * Due items are added to the work queue while it is held, so when {@link #moveDueItems()}
 * returns every due item is in the work queue, whichever thread moved it: had the waiting thread
 * taken an item out of {@link #waiting} and not yet added it, a test that advanced its clock and
 * moved the due items itself would find the work queue one short. The order is always this lock,
 * then the work queue's, never the reverse.
 */
final class DelayingWorkQueue<T> extends ForwardingWorkQueue<T, WorkQueue<T>>
    implements DelayingQueue<T> {

  /** Upstream's maxWait: insurance that a due item never waits longer than this. */
  static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);

  /** An item and when it may be added. Mutable: an earlier addAfter moves it forward. */
  private static final class Waiting<T> {
    final T item;
    Instant readyAt;

    Waiting(T item, Instant readyAt) {
      this.item = item;
      this.readyAt = readyAt;
    }
  }

  private final Clock clock;
  private final Duration heartbeat;

  private final ReentrantLock lock = new ReentrantLock();

  /** Signalled when the earliest ready time may have moved earlier, and on shut down. */
  private final Condition earlierOrShutDown = lock.newCondition();

  /** Items not yet ready, earliest first; each item at most once (see {@link #waitingByItem}). */
  private final PriorityQueue<Waiting<T>> waiting =
      new PriorityQueue<>((a, b) -> a.readyAt.compareTo(b.readyAt));

  /** The entry of each item in {@link #waiting}. */
  private final Map<T, Waiting<T>> waitingByItem = new HashMap<>();

  /** Started by the first delayed add, so queues only ever used without delays cost no thread. */
  private Thread waiter;

  DelayingWorkQueue(WorkQueue<T> queue, Clock clock) {
    this(queue, clock, DEFAULT_HEARTBEAT);
  }

  /** {@code heartbeat} is a parameter so tests on a manual clock can shrink it. */
  DelayingWorkQueue(WorkQueue<T> queue, Clock clock, Duration heartbeat) {
    super(queue);
    this.clock = clock;
    this.heartbeat = heartbeat;
  }

  @Override
  public void addAfter(T item, Duration delay) {
    if (queue.isShuttingDown()) {
      return;
    }
    if (delay.isZero() || delay.isNegative()) {
      queue.add(item);
      return;
    }
    lock.lock();
    try {
      if (waiter == null) {
        waiter = new Thread(this::waitingLoop, "workqueue-delay");
        waiter.setDaemon(true);
        waiter.start();
      }
      insertLocked(item, clock.instant().plus(delay));
    } finally {
      lock.unlock();
    }
  }

  /** Adds the item to {@link #waiting}, or moves its ready time earlier; wakes the waiter. */
  private void insertLocked(T item, Instant readyAt) {
    // BEGIN EXERCISE 3.4 — addAfter: keep the earlier ready time of an item
    Waiting<T> existing = waitingByItem.get(item);
    if (existing == null) {
      Waiting<T> entry = new Waiting<>(item, readyAt);
      waiting.add(entry);
      waitingByItem.put(item, entry);
    } else if (readyAt.isBefore(existing.readyAt)) {
      waiting.remove(existing); // re-insert: the heap orders by readyAt
      existing.readyAt = readyAt;
      waiting.add(existing);
    } else {
      return; // the earlier time stands
    }
    earlierOrShutDown.signal();
    // END EXERCISE 3.4
  }

  /**
   * Moves every item whose ready time has come (on the clock) into the work queue. The waiting
   * thread calls it; tests on a manual clock call it after advancing the clock.
   *
   * @return how many items were moved
   */
  int moveDueItems() {
    List<T> due = new ArrayList<>();
    lock.lock();
    try {
      collectDueLocked(clock.instant(), due);
      due.forEach(queue::add);
    } finally {
      lock.unlock();
    }
    return due.size();
  }

  /** Removes the items ready at {@code now} from {@link #waiting}, earliest first, into {@code due}. */
  private void collectDueLocked(Instant now, List<T> due) {
    // BEGIN EXERCISE 3.4 — move due items into the queue
    while (!waiting.isEmpty() && !waiting.peek().readyAt.isAfter(now)) {
      Waiting<T> entry = waiting.poll();
      waitingByItem.remove(entry.item);
      due.add(entry.item);
    }
    // END EXERCISE 3.4
  }

  /** Items waiting for their time (not yet in the work queue). */
  int waitingCount() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  private void waitingLoop() {
    try {
      waitUntilShutDown();
    } catch (RuntimeException e) {
      // A bug in moving items must not die silently: the queue would never add delayed items.
      System.getLogger(DelayingWorkQueue.class.getName())
          .log(System.Logger.Level.ERROR, "delaying queue stopped moving items: " + e);
    }
  }

  private void waitUntilShutDown() {
    while (!queue.isShuttingDown()) {
      moveDueItems();
      lock.lock();
      try {
        if (queue.isShuttingDown()) {
          return;
        }
        Duration wait = heartbeat;
        if (!waiting.isEmpty()) {
          Duration untilReady = Duration.between(clock.instant(), waiting.peek().readyAt);
          wait = untilReady.compareTo(wait) < 0 ? untilReady : wait;
        }
        if (!wait.isNegative() && !wait.isZero()) {
          earlierOrShutDown.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void shutDown() {
    super.shutDown();
    lock.lock();
    try {
      earlierOrShutDown.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
