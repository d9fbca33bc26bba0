package io.minik8s.apiserver.storage;

import io.minik8s.apiserver.object.Unstructured;

/**
 * What a delete did.
 *
 * @param object the object as deleted, or as it now stands with its deletionTimestamp set
 * @param deleted true if the object is gone; false if deletion has only started (finalizers or
 *     a grace period keep it)
 */
public record DeleteResult(Unstructured object, boolean deleted) {}
