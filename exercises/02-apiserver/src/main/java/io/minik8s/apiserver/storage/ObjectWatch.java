package io.minik8s.apiserver.storage;

/** A running watch; closing it stops events (and frees the watcher's slot in the cache). */
public interface ObjectWatch extends AutoCloseable {

  @Override
  void close();
}
