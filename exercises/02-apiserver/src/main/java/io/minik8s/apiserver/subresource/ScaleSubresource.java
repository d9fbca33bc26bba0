package io.minik8s.apiserver.subresource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.labels.LabelSelectors;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusCause;
import io.minik8s.objects.meta.StatusDetails;
import io.minik8s.objects.scheme.ResourceType;
import java.util.List;

/**
 * {@code /scale}: one small object, {@code autoscaling/v1 Scale}, that reads and writes the
 * replica count of anything that scales, so {@code kubectl scale} and the HorizontalPodAutoscaler
 * need not know the Deployment or ReplicaSet schema.
 *
 * <pre>
 * Deployment web: spec.replicas=3, spec.selector.matchLabels={app: web}, status.replicas=2
 *   GET .../deployments/web/scale →
 *   {"apiVersion":"autoscaling/v1","kind":"Scale",
 *    "metadata":{"name":"web","namespace":"ns","uid":..,"resourceVersion":..,"creationTimestamp":..},
 *    "spec":{"replicas":3},"status":{"replicas":2,"selector":"app=web"}}
 * </pre>
 *
 * <p>{@code status.selector} is the selector as a string (what a label selector query takes),
 * not the structured selector of the Deployment.
 *
 * <p>Upstream: pkg/registry/apps/deployment/storage/storage.go ({@code ScaleREST}, {@code
 * scaleFromDeployment}, {@code scaleUpdatedObjectInfo}).
 */
public final class ScaleSubresource {

  public static final String API_VERSION = "autoscaling/v1";
  public static final String KIND = "Scale";

  private ScaleSubresource() {}

  /** Whether {@code type} serves {@code /scale}. */
  public static boolean scales(ResourceType type) {
    return type.subresources().contains(Subresources.SCALE);
  }

  /** The Scale of a Deployment or ReplicaSet. */
  public static ObjectNode toScale(Unstructured object) {
    // BEGIN EXERCISE 2.6 — build the autoscaling/v1 Scale of a Deployment or ReplicaSet
    throw new UnsupportedOperationException("TODO exercise 2.6: build the autoscaling/v1 Scale of a Deployment or ReplicaSet");
    // END EXERCISE 2.6
  }

  /**
   * The object after a client wrote {@code scale} to it: {@code spec.replicas} from the
   * Scale, and the Scale's resourceVersion when it has one (so a stale Scale gets 409).
   * Changes and returns {@code object}.
   *
   * @throws ApiException 400 BadRequest if the Scale names another object; 422 Invalid if
   *     {@code spec.replicas} is missing, not an integer, or negative
   */
  public static Unstructured applyScale(Unstructured object, ObjectNode scale) {
    // BEGIN EXERCISE 2.6 — write a Scale's replicas (and resourceVersion) to the object
    throw new UnsupportedOperationException("TODO exercise 2.6: write a Scale's replicas (and resourceVersion) to the object");
    // END EXERCISE 2.6
  }

  /** {@code Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be ...}. */
  private static ApiException invalidReplicas(String name, JsonNode replicas) {
    String value = replicas.isMissingNode() ? "null" : replicas.toString();
    String detail = replicas.isMissingNode()
        ? "Required value" : "Invalid value: " + value + ": must be greater than or equal to 0";
    String reason = replicas.isMissingNode() ? "FieldValueRequired" : "FieldValueInvalid";
    return new ApiException(Status.failure(422, "Invalid",
        "Scale.autoscaling \"" + name + "\" is invalid: spec.replicas: " + detail,
        new StatusDetails(name, "autoscaling", KIND,
            List.of(new StatusCause(reason, detail, "spec.replicas")))));
  }

  /** A structured label selector as a selector string; "" if absent or unreadable. */
  static String selectorString(JsonNode selector) {
    if (selector.isMissingNode() || selector.isNull()) {
      return "";
    }
    try {
      return LabelSelectors.toSelector(Codec.fromTree(selector, LabelSelector.class)).toString();
    } catch (IllegalArgumentException e) { // ManifestException too
      return "";
    }
  }
}
