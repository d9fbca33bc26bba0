package io.minik8s.store.api;

/** A running watch. Closing it cancels it; no response is delivered after close returns. */
public interface Watch extends AutoCloseable {

  long id();

  @Override
  void close();
}
