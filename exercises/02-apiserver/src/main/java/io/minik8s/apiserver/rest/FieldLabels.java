package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;
import java.util.Map;
import java.util.Set;

/**
 * Which fields each resource lets a field selector use, and how to read them. Every resource
 * allows {@code metadata.name} and {@code metadata.namespace}; a few add their own, the fields
 * their controllers and kubectl filter on (the kubelet watches {@code spec.nodeName=<node>}).
 *
 * <p>Upstream: each registry's {@code GetAttrs} (e.g. pkg/registry/core/pod/strategy.go
 * {@code ToSelectableFields}) and the field label conversions in pkg/apis/core/v1/conversion.go.
 */
public final class FieldLabels {

  private static final Set<String> COMMON = Set.of("metadata.name", "metadata.namespace");

  /** Keyed by {@code <group>/<plural>}; the core group is the empty group. */
  private static final Map<String, Set<String>> BY_RESOURCE = Map.of(
      "/pods", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
          "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
          "status.nominatedNodeName"),
      "/nodes", Set.of("spec.unschedulable"),
      "/namespaces", Set.of("status.phase"),
      "/secrets", Set.of("type"),
      "/events", Set.of("involvedObject.kind", "involvedObject.namespace",
          "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
          "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
          "reportingComponent", "source", "type"),
      "apps/replicasets", Set.of("status.replicas"),
      "batch/jobs", Set.of("status.successful"));

  /** Fields read as {@code "false"} / {@code "0"} when absent, as Go's zero values print. */
  private static final Map<String, String> ZERO_VALUES = Map.of(
      "spec.hostNetwork", "false", "spec.unschedulable", "false",
      "status.replicas", "0", "status.successful", "0");

  private FieldLabels() {}

  /** The fields a field selector may use on this resource. */
  public static Set<String> allowed(ResourceType type) {
    Set<String> own = BY_RESOURCE.getOrDefault(type.kind().group() + "/" + type.plural(), Set.of());
    return own.isEmpty() ? COMMON : union(own);
  }

  private static Set<String> union(Set<String> own) {
    java.util.HashSet<String> all = new java.util.HashSet<>(COMMON);
    all.addAll(own);
    return Set.copyOf(all);
  }

  /**
   * The value a field selector compares: the field's text, {@code ""} when absent. {@code
   * source} of an Event is its {@code source.component}.
   */
  public static String value(Unstructured object, String field) {
    if (field.equals("metadata.name")) {
      return object.name();
    }
    if (field.equals("metadata.namespace")) {
      return object.namespace();
    }
    JsonNode node = object.at(field.equals("source") ? "source.component" : field);
    if (node.isMissingNode() || node.isNull()) {
      return ZERO_VALUES.getOrDefault(field, "");
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
