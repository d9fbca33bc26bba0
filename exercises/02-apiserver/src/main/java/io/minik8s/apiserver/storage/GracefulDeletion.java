package io.minik8s.apiserver.storage;

import io.minik8s.objects.meta.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;
import java.time.Instant;

/**
 * What a delete request does to an object: remove it now, or only mark it as being deleted and
 * keep it. Two things keep an object: finalizers (a controller must clean something up first
 * and then remove its finalizer), and a pod's grace period (the kubelet stops its containers,
 * then deletes the pod with grace period 0).
 *
 * <pre>
 * plain object, no finalizers             DELETE
 * object with finalizers                  MARK   deletionTimestamp = now, grace 0
 * pod on a node, grace 30                 MARK   deletionTimestamp = now + 30s, grace 30
 * the same pod again, grace 10            MARK   deletionTimestamp moved 20s earlier, grace 10
 * the same pod again, grace 60            UNCHANGED (a grace period is only ever shortened)
 * the same pod again, grace 0             DELETE
 * </pre>
 *
 * <p>Upstream: {@code BeforeDelete} (k8s.io/apiserver/pkg/registry/rest/delete.go), {@code
 * markAsDeleting} and {@code updateForGracefulDeletionAndFinalizers}
 * (k8s.io/apiserver/pkg/registry/generic/registry/store.go), and the pod strategy's {@code
 * CheckGracefulDelete} (pkg/registry/core/pod/strategy.go).
 */
final class GracefulDeletion {

  /** A pod's grace period when neither the request nor the pod names one (the API default). */
  static final long DEFAULT_POD_GRACE_SECONDS = 30;

  enum Action { DELETE, MARK, UNCHANGED }

  /** @param object the object to write for {@link Action#MARK}, else the object as read */
  record Plan(Action action, Unstructured object) {}

  private GracefulDeletion() {}

  /** The plan for deleting {@code existing} (a copy the plan may change) at {@code now}. */
  static Plan plan(ResourceType type, Unstructured existing, DeleteOptions options, Instant now) {
    // BEGIN EXERCISE 2.1 — decide between deleting now and marking the object as being deleted
    throw new UnsupportedOperationException("TODO exercise 2.1: decide between deleting now and marking the object as being deleted");
    // END EXERCISE 2.1
  }

  /**
   * How long a first delete waits: only pods bound to a node and not yet finished wait, for the
   * requested period, else their {@code terminationGracePeriodSeconds}, else 30 seconds.
   */
  static long gracePeriod(ResourceType type, Unstructured object, Long requested) {
    boolean pod = type.kind().group().isEmpty() && type.kind().kind().equals("Pod");
    if (!pod || object.at("spec.nodeName").asText("").isEmpty()) {
      return 0;
    }
    String phase = object.at("status.phase").asText("");
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      return 0;
    }
    if (requested != null) {
      return requested;
    }
    JsonNode own = object.at("spec.terminationGracePeriodSeconds");
    long period = own.isNumber() ? own.asLong() : DEFAULT_POD_GRACE_SECONDS;
    return period < 0 ? 1 : period;
  }

  /** {@code metadata.deletionGracePeriodSeconds}, null when absent. */
  static Long deletionGracePeriod(Unstructured object) {
    JsonNode grace = object.metadata().path("deletionGracePeriodSeconds");
    return grace.isNumber() ? grace.asLong() : null;
  }

  private static Unstructured markGraceful(Unstructured object, Instant deadline, long period) {
    object.setDeletionTimestamp(Timestamps.format(deadline));
    object.metadata().put("deletionGracePeriodSeconds", period);
    return object;
  }
}
