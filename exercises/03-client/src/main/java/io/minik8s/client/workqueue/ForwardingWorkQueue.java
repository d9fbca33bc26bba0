package io.minik8s.client.workqueue;

/**
 * A {@link WorkQueue} that hands every call to the queue it decorates: the delaying queue and the
 * rate-limiting queue add behaviour on top of the queue inside them and forward the rest, as
 * upstream's structs do by embedding the inner interface.
 */
abstract class ForwardingWorkQueue<T, Q extends WorkQueue<T>> implements WorkQueue<T> {

  /** The decorated queue. */
  protected final Q queue;

  ForwardingWorkQueue(Q queue) {
    this.queue = queue;
  }

  @Override
  public void add(T item) {
    queue.add(item);
  }

  @Override
  public int len() {
    return queue.len();
  }

  @Override
  public T get() throws InterruptedException {
    return queue.get();
  }

  @Override
  public void done(T item) {
    queue.done(item);
  }

  @Override
  public void shutDown() {
    queue.shutDown();
  }

  @Override
  public boolean isShuttingDown() {
    return queue.isShuttingDown();
  }
}
