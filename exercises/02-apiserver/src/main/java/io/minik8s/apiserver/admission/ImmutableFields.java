package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses updates that change what may not change once an object exists, with upstream's
 * messages (422 Invalid):
 *
 * <ul>
 *   <li>a pod's spec, except container and init container images, {@code
 *       activeDeadlineSeconds} and added tolerations: {@code spec: Forbidden: pod updates may not
 *       change fields other than ...} (a running pod is not reconfigured: replace it);
 *   <li>a Deployment's or ReplicaSet's {@code spec.selector}: {@code spec.selector: Invalid
 *       value: {...}: field is immutable} (the controller would lose track of its pods);
 *   <li>a Service's {@code spec.clusterIP} once set: {@code spec.clusterIP: Invalid value:
 *       "10.96.0.12": field is immutable};
 *   <li>{@code data}, {@code binaryData} and {@code immutable} of a ConfigMap or Secret marked
 *       {@code immutable: true}.
 * </ul>
 *
 * Name, namespace and uid need no rule here: the registry keeps them from the stored object.
 *
 * <p>Upstream: {@code ValidatePodUpdate}, {@code ValidateServiceUpdate}, {@code
 * ValidateConfigMapUpdate} in pkg/apis/core/validation/validation.go; {@code
 * ValidateDeploymentUpdate} in pkg/apis/apps/validation/validation.go.
 */
public final class ImmutableFields implements ValidatingAdmission {

  static final String POD_UPDATE = "pod updates may not change fields other than "
      + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
      + "`spec.tolerations` (only additions to existing tolerations),"
      + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously"
      + " negative)";
  static final String IMMUTABLE = "field is immutable";
  static final String IMMUTABLE_WHEN_SET = "field is immutable when `immutable` is set";

  @Override
  public String name() {
    return "ImmutableFields";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return request.operation() == Operation.UPDATE && request.subresource().isEmpty()
        && request.oldObject() != null && request.object() != null;
  }

  @Override
  public void validate(AdmissionRequest request) {
    JsonNode now = request.object().json();
    JsonNode old = request.oldObject().json();
    List<FieldError> errors = new ArrayList<>();
    String group = request.type().kind().group();
    String plural = request.type().plural();
    if (group.isEmpty() && plural.equals("pods")) {
      errors.addAll(podSpec(now.path("spec"), old.path("spec")));
    } else if (group.equals("apps") && (plural.equals("deployments")
        || plural.equals("replicasets"))) {
      immutable(errors, FieldPath.of("spec", "selector"), now.at("/spec/selector"),
          old.at("/spec/selector"));
    } else if (group.isEmpty() && plural.equals("services")) {
      String oldIp = old.at("/spec/clusterIP").asText("");
      if (!oldIp.isEmpty() && !old.at("/spec/type").asText("").equals("ExternalName")
          && !now.at("/spec/type").asText("").equals("ExternalName")) {
        immutable(errors, FieldPath.of("spec", "clusterIP"), now.at("/spec/clusterIP"),
            old.at("/spec/clusterIP"));
      }
    } else if (group.isEmpty() && (plural.equals("configmaps") || plural.equals("secrets"))
        && old.path("immutable").asBoolean(false)) {
      for (String field : new String[] {"immutable", "data", "binaryData"}) {
        if (!now.path(field).equals(old.path(field))) {
          errors.add(FieldError.forbidden(FieldPath.of(field), IMMUTABLE_WHEN_SET));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw StatusErrors.invalid(request.type(), Requests.name(request), errors);
    }
  }

  /**
   * The pod spec rule: blank out what may change (images, activeDeadlineSeconds, tolerations
   * when the new list keeps every old one), then both specs must be equal.
   */
  static List<FieldError> podSpec(JsonNode now, JsonNode old) {
    // BEGIN EXERCISE 2.4 — a pod spec may change only images, activeDeadlineSeconds and added tolerations
    throw new UnsupportedOperationException("TODO exercise 2.4: a pod spec may change only images, activeDeadlineSeconds and added tolerations");
    // END EXERCISE 2.4
  }

  private static void immutable(List<FieldError> errors, FieldPath path, JsonNode now,
      JsonNode old) {
    if (!now.equals(old)) {
      errors.add(FieldError.invalid(path, now.isTextual() ? now.asText() : now, IMMUTABLE));
    }
  }

  private static ObjectNode mutable(JsonNode spec) {
    return spec.isObject() ? ((ObjectNode) spec).deepCopy() : JsonNodeFactory.instance.objectNode();
  }
}
