package io.minik8s.client.workqueue;

import java.time.Duration;

/** A {@link WorkQueue} that can also add an item later (upstream's {@code DelayingInterface}). */
public interface DelayingQueue<T> extends WorkQueue<T> {

  /**
   * Adds {@code item} once {@code delay} has passed on the queue's clock; a zero or negative
   * delay adds it now. Two delayed adds of one item keep the earlier time.
   */
  void addAfter(T item, Duration delay);
}
