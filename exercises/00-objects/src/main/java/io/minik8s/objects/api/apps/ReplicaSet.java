package io.minik8s.objects.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Keeps {@code spec.replicas} pods matching {@code spec.selector} running, creating them from
 * {@code spec.template}.
 *
 * <p>Upstream: {@code appsv1.ReplicaSet}.
 */
public record ReplicaSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ReplicaSetSpec spec,
    ReplicaSetStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "ReplicaSet";

  public ReplicaSet {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public ReplicaSet(ObjectMeta metadata, ReplicaSetSpec spec, ReplicaSetStatus status) {
    this(API_VERSION, KIND, metadata, spec, status, Map.of());
  }

  @Override
  public ReplicaSet withMetadata(ObjectMeta metadata) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public ReplicaSet withSpec(ReplicaSetSpec spec) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public ReplicaSet withStatus(ReplicaSetStatus status) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
