package io.minik8s.apiserver.subresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusCause;
import io.minik8s.objects.meta.StatusDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pods/binding}: how the scheduler assigns a pod to a node. It POSTs a {@code Binding}
 * ({@code {"metadata":{"name":"web"},"target":{"kind":"Node","name":"n1"}}}) instead of updating
 * the pod, because a binding happens at most once: the server sets {@code spec.nodeName} only
 * while it is empty, inside the same compare-and-swap as every write. Two schedulers racing for
 * one pod cannot both win; the loser gets 409 Conflict and moves on.
 *
 * <p>Upstream: pkg/registry/core/pod/storage/storage.go ({@code BindingREST.Create}, {@code
 * setPodHostAndAnnotations}) and {@code ValidatePodBinding}.
 */
public final class PodBinding {

  private PodBinding() {}

  /**
   * Checks a Binding posted to {@code .../pods/<podName>/binding}.
   *
   * @throws ApiException 400 BadRequest if it names another pod; 422 Invalid if its target
   *     has no name or a kind other than {@code Node}
   */
  public static void check(String podName, ObjectNode binding) {
    String name = binding.path("metadata").path("name").asText("");
    if (!name.equals(podName)) {
      throw StatusErrors.badRequest("name in URL does not match name in Binding object");
    }
    String kind = binding.path("target").path("kind").asText("");
    String node = binding.path("target").path("name").asText("");
    if (!kind.isEmpty() && !kind.equals("Node")) {
      throw invalid(podName, "target.kind",
          "Unsupported value: \"" + kind + "\": supported values: \"Node\"", "FieldValueNotSupported");
    }
    if (node.isEmpty()) {
      throw invalid(podName, "target.name", "Required value", "FieldValueRequired");
    }
  }

  /**
   * The pod bound to the Binding's target node: {@code spec.nodeName} set, the {@code
   * PodScheduled} condition {@code True}, the Binding's annotations added. Changes and returns
   * {@code pod}.
   *
   * @throws ApiException 409 Conflict {@code Operation cannot be fulfilled on pods/binding
   *     "web": pod web is already assigned to node "n1"} if the pod is bound already, or {@code
   *     ...: pod web is being deleted, cannot be assigned to a host} if it is being deleted
   */
  public static Unstructured bind(Unstructured pod, ObjectNode binding) {
    // BEGIN EXERCISE 2.6 — bind a pod to a node once: spec.nodeName, PodScheduled, annotations
    throw new UnsupportedOperationException("TODO exercise 2.6: bind a pod to a node once: spec.nodeName, PodScheduled, annotations");
    // END EXERCISE 2.6
  }

  private static ApiException conflict(String podName, String why) {
    return new ApiException(Status.failure(409, "Conflict",
        "Operation cannot be fulfilled on pods/binding \"" + podName + "\": " + why,
        new StatusDetails(podName, "", "pods/binding", List.of())));
  }

  private static ApiException invalid(String name, String field, String detail, String reason) {
    return new ApiException(Status.failure(422, "Invalid",
        "Binding \"" + name + "\" is invalid: " + field + ": " + detail,
        new StatusDetails(name, "", "Binding", List.of(new StatusCause(reason, detail, field)))));
  }
}
