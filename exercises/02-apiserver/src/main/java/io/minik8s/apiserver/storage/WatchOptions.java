package io.minik8s.apiserver.storage;

/**
 * How to watch.
 *
 * @param predicate which objects to report. An object that stops matching is reported as
 *     DELETED and one that starts matching as ADDED, so the watcher's view stays exact.
 * @param resourceVersion {@code ""} or {@code "0"}: first an ADDED event per existing object,
 *     then changes; a number: only changes after that revision
 * @param allowBookmarks whether to send BOOKMARK events (an object carrying only the current
 *     resourceVersion) while nothing changes
 */
public record WatchOptions(
    SelectionPredicate predicate, String resourceVersion, boolean allowBookmarks) {

  public WatchOptions {
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
  }
}
