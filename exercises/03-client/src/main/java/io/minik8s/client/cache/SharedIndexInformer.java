package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.time.Duration;

/**
 * One reflector filling one indexer, fanning its changes out to any number of handlers
 * (upstream's {@code SharedIndexInformer}). Handlers added after start first receive an
 * {@code onAdd} for every cached object.
 */
public interface SharedIndexInformer<T extends KubeObject> {

  void addEventHandler(ResourceEventHandler<T> handler);

  /**
   * A handler that also gets an {@code onUpdate(o, o)} for every cached object each
   * {@code resyncPeriod} (rounded up to the informer's own resync check).
   */
  void addEventHandler(ResourceEventHandler<T> handler, Duration resyncPeriod);

  Indexer<T> indexer();

  Lister<T> lister();

  /** True once the first list has been delivered to the cache and to every handler. */
  boolean hasSynced();

  /** The resourceVersion of the last list or event applied; "" before the first list. */
  String lastSyncResourceVersion();

  /** Starts the reflector and the handler threads; returns at once. Idempotent. */
  void start();

  /** Stops the watch and the threads; the cache keeps its content. */
  void stop();
}
