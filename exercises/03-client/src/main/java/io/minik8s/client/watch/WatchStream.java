package io.minik8s.client.watch;

import io.minik8s.objects.meta.KubeObject;

/**
 * An open watch, read by pulling: {@code while ((e = stream.next()) != null) ...}. A reader
 * blocks in {@link #next()} until an event arrives; {@link #close()} from another thread wakes it
 * (it then returns null). Not for two readers at once.
 */
public interface WatchStream<T extends KubeObject> extends AutoCloseable {

  /**
   * The next event; null once the stream has ended (the server closed it, its timeout passed, or
   * {@link #close()} was called).
   *
   * @throws java.io.UncheckedIOException if the connection broke mid-stream
   */
  WatchEvent<T> next();

  /** Ends the watch and releases its connection; idempotent. */
  @Override
  void close();
}
