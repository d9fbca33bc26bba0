package io.minik8s.apiserver.storage.watch;

import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.ObjectCodec;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.store.api.KeyValue;

/**
 * One change as the cache keeps it: the object after and before, decoded once and shared by
 * every watcher (so never changed: a watcher copies before it hands an object out).
 *
 * @param type ADDED, MODIFIED or DELETED as the store saw it (a watcher's filter may turn it
 *     into another), or BOOKMARK for a progress marker queued to one watcher
 * @param key the object's store key
 * @param object the new state; for DELETED the last state, with the delete's revision
 * @param prevObject the state before, null if unknown or none (ADDED)
 * @param revision the store revision of the change
 *
 * <p>Upstream: {@code watchCacheEvent} in k8s.io/apiserver/pkg/storage/cacher/watch_cache.go.
 */
public record CacheEvent(
    WatchEvent.Type type, String key, Unstructured object, Unstructured prevObject, long revision) {

  /**
   * The cache event for a store event, or null for one that cannot be told (a DELETE without
   * its previous state, as a watch from a compacted revision replays them).
   */
  static CacheEvent from(io.minik8s.store.api.WatchEvent event) {
    KeyValue kv = event.kv();
    KeyValue prev = event.prevKv();
    String key = kv.key().utf8();
    if (event.type() == io.minik8s.store.api.WatchEvent.Type.DELETE) {
      if (prev == null) {
        return null;
      }
      return new CacheEvent(WatchEvent.Type.DELETED, key,
          ObjectCodec.decode(prev, kv.modRevision()), ObjectCodec.decode(prev), kv.modRevision());
    }
    WatchEvent.Type type = kv.version() == 1 ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED;
    return new CacheEvent(type, key, ObjectCodec.decode(kv),
        prev == null ? null : ObjectCodec.decode(prev), kv.modRevision());
  }

  /** An object as it is in a list: the first event of a watch from "" or "0". */
  static CacheEvent existing(KeyValue kv) {
    return new CacheEvent(WatchEvent.Type.ADDED, kv.key().utf8(), ObjectCodec.decode(kv), null,
        kv.modRevision());
  }

  static CacheEvent bookmark(long revision) {
    return new CacheEvent(WatchEvent.Type.BOOKMARK, "", null, null, revision);
  }
}
