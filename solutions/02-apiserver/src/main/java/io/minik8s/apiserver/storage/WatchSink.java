package io.minik8s.apiserver.storage;

/** Receives a watch's events; see {@link ObjectRegistry#watch}. */
@FunctionalInterface
public interface WatchSink {

  void onEvent(WatchEvent event);
}
