package io.minik8s.apiserver.storage;

/**
 * How to list: which objects, how many per page, from where, and at which revision.
 *
 * <p>Upstream: {@code metav1.ListOptions} and the semantics of {@code resourceVersion} on list
 * (https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions).
 *
 * @param predicate which objects to return
 * @param limit the most objects in one page; 0 for all
 * @param continueToken the token from the previous page ({@code metadata.continue}); {@code
 *     ""} for the first page. A token fixes the revision of every later page.
 * @param resourceVersion {@code ""}: the latest state, read from the store; {@code "0"}: any
 *     state (may be served from a cache); a number: at least that fresh
 */
public record ListOptions(
    SelectionPredicate predicate, long limit, String continueToken, String resourceVersion) {

  public ListOptions {
    continueToken = continueToken == null ? "" : continueToken;
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
  }

  /** Everything, in one page, at the latest revision. */
  public static ListOptions all() {
    return new ListOptions(SelectionPredicate.everything(), 0, "", "");
  }
}
