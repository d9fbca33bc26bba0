package io.minik8s.apiserver.storage;

import io.minik8s.apiserver.object.Unstructured;
import java.util.ArrayList;
import java.util.List;

/**
 * How a delete asks the garbage collector (module 04) to treat the object's dependents: the
 * {@code propagationPolicy} becomes a finalizer that keeps the owner until the collector is done.
 *
 * <pre>
 * policy       finalizer added        the collector then
 * Background   (none)                 deletes the dependents after the owner is gone
 * Foreground   foregroundDeletion     deletes the dependents, then removes the finalizer
 * Orphan       orphan                 removes the owner from the dependents' ownerReferences,
 *                                     then removes the finalizer
 * (none)       keeps what is there    Background for every kind the course serves
 * </pre>
 *
 * <p>Upstream: {@code deletionFinalizersForGarbageCollection}, {@code shouldOrphanDependents} and
 * {@code shouldDeleteDependents} (k8s.io/apiserver/pkg/registry/generic/registry/store.go).
 */
final class GarbageCollectionFinalizers {

  static final String ORPHAN = "orphan";
  static final String FOREGROUND = "foregroundDeletion";

  private GarbageCollectionFinalizers() {}

  /** Sets the object's garbage-collection finalizers for a delete with {@code policy}. */
  static void apply(Unstructured object, String policy) {
    List<String> finalizers = new ArrayList<>(object.finalizers());
    boolean hadOrphan = finalizers.contains(ORPHAN);
    boolean hadForeground = finalizers.contains(FOREGROUND);
    boolean unset = policy.isEmpty();
    boolean orphan = unset ? hadOrphan : policy.equals(DeleteOptions.ORPHAN);
    boolean foreground = unset ? hadForeground : policy.equals(DeleteOptions.FOREGROUND);
    finalizers.removeIf(f -> f.equals(ORPHAN) || f.equals(FOREGROUND));
    if (orphan) {
      finalizers.add(ORPHAN);
    }
    if (foreground) {
      finalizers.add(FOREGROUND);
    }
    if (!finalizers.equals(object.finalizers())) {
      object.setFinalizers(finalizers);
    }
  }
}
