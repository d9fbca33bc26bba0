package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;

/**
 * Notifications from an informer (upstream's {@code ResourceEventHandler}). Handlers run on the
 * informer's own thread, one notification at a time per handler, in order; they should only
 * compute a key and enqueue it.
 */
public interface ResourceEventHandler<T extends KubeObject> {

  default void onAdd(T object) {}

  /**
   * Also called on every periodic resync with {@code oldObject == newObject} (same
   * resourceVersion): level-triggered controllers use it to recheck everything.
   */
  default void onUpdate(T oldObject, T newObject) {}

  /**
   * The last state the cache knew. After a relist that misses a deletion the final state is
   * unknown and this is the last state seen (upstream wraps it in
   * {@code DeletedFinalStateUnknown}).
   */
  default void onDelete(T object) {}
}
