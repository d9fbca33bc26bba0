package io.minik8s.apiserver.storage;

import io.minik8s.apiserver.object.Unstructured;

/**
 * The "modify" of a read-modify-write: given the object as stored (a copy, free to change),
 * returns the object to store. Called again with a fresher object when another writer got there
 * first, so it must not have side effects besides the result.
 */
@FunctionalInterface
public interface UpdateFunction {

  /** @throws io.minik8s.apiserver.errors.ApiException to abort the update */
  Unstructured apply(Unstructured current);
}
