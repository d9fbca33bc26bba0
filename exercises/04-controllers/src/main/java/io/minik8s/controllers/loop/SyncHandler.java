package io.minik8s.controllers.loop;

/**
 * Brings one object's world to its desired state. Must be level-based and idempotent: it reads
 * everything it needs from the caches, so running it twice, or after a crash, is safe. Throwing
 * asks for a retry with backoff.
 */
@FunctionalInterface
public interface SyncHandler {
  void sync(String key) throws Exception;
}
