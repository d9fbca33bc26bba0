package io.minik8s.store.watch;

import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.mvcc.Commit;

/**
 * The watchers of one store. The store {@link #publish}es every commit once it is durable
 * (logged and fsynced), in revision order, while holding its write lock: publish must never block on a watcher and never call back into the
 * store. {@link #watch} may read the store's history ({@link io.minik8s.store.mvcc.CommitLog}),
 * which takes the store's read lock, so it must not hold a lock publish needs while doing so.
 * (etcd solves the same problem with "synced" and "unsynced" watcher groups:
 * server/storage/mvcc/watchable_store.go.)
 */
public interface WatchHub extends AutoCloseable {

  Watch watch(WatchRequest request, WatchListener listener);

  void publish(Commit commit);

  /** Sends a progress notification to every idle watch that asked for them. */
  void notifyProgress();

  /** Cancels every watch. */
  @Override
  void close();
}
