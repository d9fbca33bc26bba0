package io.minik8s.apiserver.storage;

import io.minik8s.apiserver.object.Unstructured;

/**
 * Which objects a list or watch wants: a label selector and a field selector, already parsed.
 * Storage only asks the predicate; it does not know selector syntax.
 *
 * <p>Upstream: {@code storage.SelectionPredicate}.
 */
@FunctionalInterface
public interface SelectionPredicate {

  boolean matches(Unstructured object);

  /** The predicate of a request without selectors. */
  static SelectionPredicate everything() {
    return object -> true;
  }
}
