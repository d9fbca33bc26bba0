package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A reference to any object, by kind, namespace and name (and optionally uid and the version
 * seen). Used by Endpoints ({@code targetRef}), Events ({@code involvedObject}), Bindings ({@code
 * target}) and ServiceAccounts ({@code secrets}).
 *
 * <p>Upstream: {@code v1.ObjectReference}.
 */
public record ObjectReference(
    String kind,
    String namespace,
    String name,
    String uid,
    String apiVersion,
    String resourceVersion,
    String fieldPath,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ObjectReference {
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A reference by kind, namespace and name. */
  public static ObjectReference to(String kind, String namespace, String name) {
    return new ObjectReference(kind, namespace, name, null, null, null, null, null);
  }
}
