package io.minik8s.apiserver.subresource;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;

/**
 * {@code /status}: the one way to write an object's status, for resources that have the
 * subresource. It splits who writes what: users and {@code kubectl apply} own the spec through
 * the main resource, controllers and the kubelet own the status through {@code /status}, and
 * neither can overwrite the other's half by sending a stale copy of the whole object.
 *
 * <p>So both directions drop half of the request:
 *
 * <pre>
 * stored:   spec.replicas=3  status.replicas=2
 * PUT  .../deployments/web          {spec.replicas=5, status.replicas=0}
 *   →  stored spec.replicas=5 status.replicas=2   (status kept)
 * PUT  .../deployments/web/status   {spec.replicas=9, status.replicas=3}
 *   →  stored spec.replicas=5 status.replicas=3   (spec kept)
 * </pre>
 *
 * <p>Upstream: each resource's strategy, {@code PrepareForUpdate} (main resource: {@code
 * newObj.Status = oldObj.Status}) and its {@code statusStrategy.PrepareForUpdate} ({@code
 * newObj.Spec = oldObj.Spec}), e.g. pkg/registry/apps/deployment/strategy.go. Upstream's status
 * strategies also let a few metadata fields through (labels, annotations for some kinds); here a
 * status write changes only {@code status}.
 */
public final class StatusSubresource {

  private StatusSubresource() {}

  /**
   * The object a main-resource write (PUT, PATCH) stores: {@code updated} with the stored
   * status when the resource has a status subresource, {@code updated} unchanged otherwise.
   * Changes and returns {@code updated}.
   */
  public static Unstructured keepStatus(ResourceType type, Unstructured stored,
      Unstructured updated) {
    // BEGIN EXERCISE 2.6 — a write to the main resource keeps the stored status
    throw new UnsupportedOperationException("TODO exercise 2.6: a write to the main resource keeps the stored status");
    // END EXERCISE 2.6
  }

  /**
   * The object a {@code /status} write stores: a copy of {@code stored} with the status of
   * {@code updated} (none if it has none) and its resourceVersion, so a stale status write
   * still fails with 409 Conflict.
   */
  public static Unstructured statusUpdate(Unstructured stored, Unstructured updated) {
    // BEGIN EXERCISE 2.6 — a write to /status changes only the status
    throw new UnsupportedOperationException("TODO exercise 2.6: a write to /status changes only the status");
    // END EXERCISE 2.6
  }

  /**
   * The namespace a {@code /finalize} write stores: a copy of {@code stored} with the {@code
   * spec.finalizers} of {@code updated} and its resourceVersion. This is how the namespace
   * controller says "everything inside is gone" (upstream: {@code FinalizeREST} in
   * pkg/registry/core/namespace/storage/storage.go).
   */
  public static Unstructured finalizersUpdate(Unstructured stored, Unstructured updated) {
    Unstructured result = stored.deepCopy();
    JsonNode finalizers = updated.at("spec.finalizers");
    if (finalizers.isArray() && !finalizers.isEmpty()) {
      result.json().with("spec").set("finalizers", finalizers.deepCopy());
    } else {
      result.json().with("spec").remove("finalizers");
    }
    result.setResourceVersion(updated.resourceVersion().isEmpty()
        ? stored.resourceVersion() : updated.resourceVersion());
    return result;
  }
}
