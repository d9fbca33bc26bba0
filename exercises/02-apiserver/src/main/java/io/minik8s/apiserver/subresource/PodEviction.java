package io.minik8s.apiserver.subresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.storage.DeleteOptions;

/**
 * {@code pods/eviction}: a polite delete. {@code kubectl drain} POSTs a {@code policy/v1
 * Eviction} instead of deleting, so the server can refuse when a PodDisruptionBudget would be
 * broken (429 TooManyRequests). This server has no PodDisruptionBudgets: every eviction is
 * allowed and deletes the pod with the Eviction's delete options.
 *
 * <p>Upstream: pkg/registry/core/pod/storage/eviction.go ({@code EvictionREST.Create}).
 */
public final class PodEviction {

  private PodEviction() {}

  /**
   * The delete options an Eviction of {@code podName} asks for.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest if the Eviction names
   *     another pod, or its delete options are malformed
   */
  public static DeleteOptions deleteOptions(String podName, ObjectNode eviction, boolean dryRun) {
    String name = eviction.path("metadata").path("name").asText("");
    if (!name.equals(podName)) {
      throw StatusErrors.badRequest("name in URL does not match name in Eviction object");
    }
    JsonNode options = eviction.path("deleteOptions");
    JsonNode grace = options.path("gracePeriodSeconds");
    if (!grace.isMissingNode() && !grace.isNull() && !grace.isIntegralNumber()) {
      throw StatusErrors.badRequest("deleteOptions.gracePeriodSeconds must be an integer");
    }
    return new DeleteOptions(
        grace.isIntegralNumber() ? grace.asLong() : null,
        options.path("preconditions").path("uid").asText(""),
        options.path("preconditions").path("resourceVersion").asText(""),
        options.path("propagationPolicy").asText(""),
        dryRun);
  }
}
