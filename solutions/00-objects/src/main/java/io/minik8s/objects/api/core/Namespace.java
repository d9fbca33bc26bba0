package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A scope for names. Deleting one moves it to phase {@code Terminating}; the namespace controller
 * deletes its contents, then removes the {@code kubernetes} finalizer from {@code spec.finalizers}.
 * Cluster-scoped.
 *
 * <p>Upstream: {@code v1.Namespace}.
 */
public record Namespace(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    NamespaceSpec spec,
    NamespaceStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Namespace";

  public Namespace {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Namespace(ObjectMeta metadata, NamespaceSpec spec, NamespaceStatus status) {
    this(API_VERSION, KIND, metadata, spec, status, Map.of());
  }

  @Override
  public Namespace withMetadata(ObjectMeta metadata) {
    return new Namespace(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Namespace withSpec(NamespaceSpec spec) {
    return new Namespace(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Namespace withStatus(NamespaceStatus status) {
    return new Namespace(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
