package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.protobuf.ProtobufBodies;
import io.minik8s.apiserver.storage.DeleteOptions;
import java.util.Set;

/**
 * The {@link DeleteOptions} of a DELETE: from the query ({@code gracePeriodSeconds}, {@code
 * propagationPolicy}, {@code dryRun}), overridden by a {@code DeleteOptions} body when there is
 * one (kubectl sends a body; curl users send the query).
 *
 * <p>Upstream: k8s.io/apiserver/pkg/endpoints/handlers/delete.go and {@code
 * ValidateDeleteOptions}.
 */
public final class DeleteRequests {

  private static final Set<String> POLICIES = Set.of("Orphan", "Background", "Foreground");

  private DeleteRequests() {}

  /**
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest for a malformed body,
   *     a negative or non-integer grace period, an unknown propagation policy or dryRun value
   */
  public static DeleteOptions parse(Query query, byte[] body, String contentType) {
    Long grace = query.nonNegativeLong("gracePeriodSeconds");
    String policy = query.get("propagationPolicy");
    boolean dryRun = query.dryRun();
    String uid = "";
    String resourceVersion = "";
    if (body.length > 0) {
      ObjectNode options = MediaTypes.essence(contentType).equals(MediaTypes.PROTOBUF)
          ? ProtobufBodies.decode(body, "meta.k8s.io/v1", "DeleteOptions")
          : Json.readObject(body, contentType);
      JsonNode graceNode = options.path("gracePeriodSeconds");
      if (!graceNode.isMissingNode() && !graceNode.isNull()) {
        if (!graceNode.isIntegralNumber() || graceNode.asLong() < 0) {
          throw StatusErrors.badRequest("invalid gracePeriodSeconds " + graceNode
              + ": must be a non-negative integer");
        }
        grace = graceNode.asLong();
      }
      if (options.path("propagationPolicy").isTextual()) {
        policy = options.path("propagationPolicy").asText();
      }
      if (options.path("orphanDependents").isBoolean() && policy.isEmpty()) {
        policy = options.path("orphanDependents").asBoolean() ? "Orphan" : "Background";
      }
      uid = options.path("preconditions").path("uid").asText("");
      resourceVersion = options.path("preconditions").path("resourceVersion").asText("");
      for (JsonNode value : options.path("dryRun")) {
        if (!value.asText().equals("All")) {
          throw StatusErrors.badRequest("invalid dryRun value \"" + value.asText()
              + "\": supported values: \"All\"");
        }
        dryRun = true;
      }
    }
    if (!policy.isEmpty() && !POLICIES.contains(policy)) {
      throw StatusErrors.badRequest("propagationPolicy: Unsupported value: \"" + policy
          + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    }
    return new DeleteOptions(grace, uid, resourceVersion, policy, dryRun);
  }
}
