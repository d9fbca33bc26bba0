package io.minik8s.apiserver.storage;

/** Receives a watch's events; see {@link ObjectRegistry#watch}. */
@FunctionalInterface
public interface WatchSink {

  void onEvent(WatchEvent event);

  /**
   * The server ended the watch (the watcher was too slow, or the server is stopping): no event
   * follows. Not called when the client closed the {@link ObjectWatch} itself. A REST handler
   * ends the response here, so the client watches again.
   */
  default void onClose() {}
}
