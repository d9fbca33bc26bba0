package io.minik8s.store.api;

/**
 * One change: a PUT carries the key's new state; a DELETE carries the key with its
 * {@code modRevision} set to the deleting revision and everything else zero (as etcd does).
 *
 * @param prevKv the state before the change, when the watch asked for it; else null
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {

  public enum Type { PUT, DELETE }
}
