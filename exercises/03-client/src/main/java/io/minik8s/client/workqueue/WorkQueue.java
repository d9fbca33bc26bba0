package io.minik8s.client.workqueue;

/**
 * A de-duplicating work queue with one rule that makes controllers safe (upstream's
 * {@code workqueue.Interface}):
 *
 * <ul>
 *   <li>an item added while it is already waiting is stored once;
 *   <li>an item is handed to at most one worker at a time: added while a worker has it, it waits
 *       until that worker calls {@link #done}, then is queued again (so the change is not lost);
 *   <li>items come out in the order they were first added.
 * </ul>
 *
 * Every item returned by {@link #get()} obliges the caller to call {@link #done} with it.
 */
public interface WorkQueue<T> {

  void add(T item);

  /** Items waiting (not those being processed). */
  int len();

  /**
   * Blocks until an item is available and hands it out; null once the queue is shut down and
   * drained (workers exit on null).
   */
  T get() throws InterruptedException;

  /** The worker finished with {@code item}; if it was re-added meanwhile, it is queued again. */
  void done(T item);

  /** No more adds are accepted; {@link #get()} returns what is left, then null. */
  void shutDown();

  boolean isShuttingDown();
}
