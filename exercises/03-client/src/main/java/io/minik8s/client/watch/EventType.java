package io.minik8s.client.watch;

/** The {@code type} of a watch event, as upstream's {@code watch.EventType}. */
public enum EventType {
  ADDED,
  MODIFIED,
  DELETED,
  /** Carries only {@code metadata.resourceVersion}: progress, no change. */
  BOOKMARK,
  /** Carries a {@code Status} (e.g. 410 Gone) instead of an object; the watch ends after it. */
  ERROR
}
