package io.minik8s.client.rest;

/**
 * Query parameters of a list or a watch, as upstream's {@code metav1.ListOptions}. Null or zero
 * fields are not sent.
 *
 * @param labelSelector e.g. {@code app=web,tier!=db}
 * @param fieldSelector e.g. {@code spec.nodeName=node-1}
 * @param resourceVersion for a list, how fresh the answer must be ({@code "0"}: any cached
 *     state); for a watch, the version after which events are sent
 * @param limit page size of a list; 0: everything
 * @param continueToken the {@code metadata.continue} of the previous page
 * @param timeoutSeconds how long the server keeps a watch open; 0: the server's default
 * @param allowWatchBookmarks ask for BOOKMARK events on a watch
 */
public record ListOptions(
    String labelSelector,
    String fieldSelector,
    String resourceVersion,
    long limit,
    String continueToken,
    long timeoutSeconds,
    boolean allowWatchBookmarks) {

  public static final ListOptions ALL = new ListOptions(null, null, null, 0, null, 0, false);

  public static ListOptions labels(String labelSelector) {
    return ALL.withLabelSelector(labelSelector);
  }

  public ListOptions withLabelSelector(String selector) {
    return new ListOptions(selector, fieldSelector, resourceVersion, limit, continueToken,
        timeoutSeconds, allowWatchBookmarks);
  }

  public ListOptions withFieldSelector(String selector) {
    return new ListOptions(labelSelector, selector, resourceVersion, limit, continueToken,
        timeoutSeconds, allowWatchBookmarks);
  }

  public ListOptions withResourceVersion(String version) {
    return new ListOptions(labelSelector, fieldSelector, version, limit, continueToken,
        timeoutSeconds, allowWatchBookmarks);
  }

  public ListOptions withLimit(long pageSize, String continueFrom) {
    return new ListOptions(labelSelector, fieldSelector, resourceVersion, pageSize, continueFrom,
        timeoutSeconds, allowWatchBookmarks);
  }

  public ListOptions withTimeoutSeconds(long seconds) {
    return new ListOptions(labelSelector, fieldSelector, resourceVersion, limit, continueToken,
        seconds, allowWatchBookmarks);
  }

  public ListOptions withBookmarks(boolean bookmarks) {
    return new ListOptions(labelSelector, fieldSelector, resourceVersion, limit, continueToken,
        timeoutSeconds, bookmarks);
  }
}
