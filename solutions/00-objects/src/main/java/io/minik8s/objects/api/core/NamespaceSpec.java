package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * The namespace's finalizers: while {@code kubernetes} is listed, the namespace object stays
 * until the namespace controller has emptied it.
 *
 * <p>Upstream: {@code v1.NamespaceSpec}.
 */
public record NamespaceSpec(
    List<String> finalizers, @UnknownFields Map<String, JsonNode> unknownFields) {

  public NamespaceSpec {
    finalizers = Copies.list(finalizers);
    unknownFields = Copies.unknown(unknownFields);
  }

  public NamespaceSpec(List<String> finalizers) {
    this(finalizers, Map.of());
  }
}
