package io.minik8s.objects.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * An object of a kind the course does not model, such as a custom resource ({@code kind:
 * Gateway}, {@code apiVersion: gateway.networking.k8s.io/v1}). Its metadata is typed, so it can
 * be stored, listed and garbage-collected like any object; everything else ({@code spec}, {@code
 * status}...) is kept as JSON in {@code unknownFields} and written back unchanged.
 *
 * <p>Upstream: {@code unstructured.Unstructured} in k8s.io/apimachinery/pkg/apis/meta/v1/unstructured.
 */
public record GenericObject(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public GenericObject {
    unknownFields = Copies.unknown(unknownFields);
  }

  @Override
  public GenericObject withMetadata(ObjectMeta metadata) {
    return new GenericObject(apiVersion, kind, metadata, unknownFields);
  }

  /** A top-level field other than apiVersion, kind and metadata, e.g. {@code field("spec")}. */
  public JsonNode field(String name) {
    return unknownFields.get(name);
  }
}
