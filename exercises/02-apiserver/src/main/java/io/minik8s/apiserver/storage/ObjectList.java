package io.minik8s.apiserver.storage;

import io.minik8s.apiserver.object.Unstructured;
import java.util.List;

/**
 * One page of a list.
 *
 * @param items the objects, in key order, with their resourceVersions
 * @param resourceVersion the store revision the page was read at: a watch from it misses nothing
 * @param continueToken the token for the next page, {@code ""} on the last page
 * @param remainingItemCount how many objects follow this page, when known (the store counts
 *     them when no predicate filters the list); {@code null} otherwise
 */
public record ObjectList(
    List<Unstructured> items, String resourceVersion, String continueToken,
    Long remainingItemCount) {

  public ObjectList {
    items = List.copyOf(items);
  }
}
