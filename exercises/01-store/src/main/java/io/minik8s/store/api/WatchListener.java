package io.minik8s.store.api;

/**
 * Receives a watch's responses. Calls for one watch are made one at a time, in order, on a thread
 * of the store's choosing; a listener that blocks delays only its own watch, and a watch whose
 * listener falls too far behind is canceled (see {@link WatchResponse#cancelReason()}).
 */
@FunctionalInterface
public interface WatchListener {

  void onResponse(WatchResponse response);
}
