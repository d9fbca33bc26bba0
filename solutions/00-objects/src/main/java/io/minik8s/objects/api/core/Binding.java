package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The scheduler's decision: posting {@code {"target":{"kind":"Node","name":"n1"}}} to {@code
 * /api/v1/namespaces/ns/pods/web/binding} sets the pod's {@code spec.nodeName}. Create-only,
 * never stored.
 *
 * <p>Upstream: {@code v1.Binding}.
 */
public record Binding(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ObjectReference target,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Binding";

  public Binding {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Binding(ObjectMeta metadata, ObjectReference target) {
    this(API_VERSION, KIND, metadata, target, Map.of());
  }

  @Override
  public Binding withMetadata(ObjectMeta metadata) {
    return new Binding(apiVersion, kind, metadata, target, unknownFields);
  }
}
