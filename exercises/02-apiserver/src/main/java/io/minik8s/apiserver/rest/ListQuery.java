package io.minik8s.apiserver.rest;

import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.storage.ListOptions;
import io.minik8s.apiserver.storage.SelectionPredicate;
import io.minik8s.apiserver.storage.WatchOptions;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.labels.SelectorParseException;
import io.minik8s.objects.scheme.ResourceType;

/**
 * The options of a list or watch request, parsed and checked from its query: which objects
 * ({@code labelSelector}, {@code fieldSelector}), how many ({@code limit}, {@code continue}),
 * from which revision ({@code resourceVersion}), and for a watch whether it wants bookmarks and
 * when it ends.
 *
 * <p>Upstream: {@code metav1.ListOptions}, decoded from the query by the parameter codec and
 * checked by {@code ValidateListOptions}.
 *
 * @param timeoutSeconds when a watch ends; null for the server's default
 */
public record ListQuery(
    Selector labels,
    FieldSelector fields,
    long limit,
    String continueToken,
    String resourceVersion,
    boolean watch,
    boolean allowWatchBookmarks,
    Long timeoutSeconds) {

  /**
   * Parses the list options of a request for {@code type}.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest for a label selector that
   *     does not parse (the parser's message), a field selector that does not parse or names a
   *     field the resource does not allow, a limit or timeout that is not a non-negative
   *     integer, a resourceVersion that is not a non-negative integer, or a continue token
   *     together with a resourceVersion
   */
  public static ListQuery parse(Query query, ResourceType type) {
    // BEGIN EXERCISE 2.2 — parse list options: selectors, limit, continue, resourceVersion, watch
    throw new UnsupportedOperationException("TODO exercise 2.2: parse list options: selectors, limit, continue, resourceVersion, watch");
    // END EXERCISE 2.2
  }

  /**
   * The objects this query selects: both selectors, and the name when the path names one
   * object ({@code /api/v1/watch/namespaces/ns/pods/web} watches only {@code web}).
   */
  public SelectionPredicate predicate(String name) {
    Selector labels = this.labels;
    FieldSelector fields = this.fields;
    return object -> (name == null || name.isEmpty() || name.equals(object.name()))
        && labels.matches(object.labels())
        && fields.matches(object);
  }

  public ListOptions listOptions(String name) {
    return new ListOptions(predicate(name), limit, continueToken, resourceVersion);
  }

  public WatchOptions watchOptions(String name) {
    return new WatchOptions(predicate(name), resourceVersion, allowWatchBookmarks);
  }
}
