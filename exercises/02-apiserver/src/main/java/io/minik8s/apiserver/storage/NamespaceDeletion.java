package io.minik8s.apiserver.storage;

import io.minik8s.objects.meta.Timestamps;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;
import java.time.Instant;

/**
 * Deleting a namespace is a two-step affair. While its {@code spec.finalizers} is not empty (a
 * new namespace carries {@code kubernetes}), a delete only marks it: {@code deletionTimestamp}
 * is set and {@code status.phase} becomes {@code Terminating}, which stops new objects from
 * being created in it. The namespace controller deletes everything inside, removes the
 * finalizer through {@code /finalize}, and deletes the namespace again; that delete removes it.
 *
 * <p>Upstream: {@code REST.Delete} in pkg/registry/core/namespace/storage/storage.go.
 */
final class NamespaceDeletion {

  private NamespaceDeletion() {}

  /** Whether a delete of {@code existing} must mark rather than remove it. */
  static boolean applies(ResourceType type, Unstructured existing) {
    return type.kind().group().isEmpty() && type.kind().kind().equals("Namespace")
        && !existing.at("spec.finalizers").isEmpty();
  }

  /** The namespace marked Terminating, or unchanged when it already is. */
  static GracefulDeletion.Plan plan(Unstructured existing, Instant now) {
    boolean terminating = !existing.deletionTimestamp().isEmpty()
        && existing.at("status.phase").asText("").equals("Terminating");
    if (terminating) {
      return new GracefulDeletion.Plan(GracefulDeletion.Action.UNCHANGED, existing);
    }
    if (existing.deletionTimestamp().isEmpty()) {
      existing.setDeletionTimestamp(Timestamps.format(now));
    }
    existing.json().with("status").put("phase", "Terminating");
    return new GracefulDeletion.Plan(GracefulDeletion.Action.MARK, existing);
  }
}
