package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The unit of scheduling: one or more containers that run together on one node. Users write the
 * {@code spec}; the scheduler sets {@code spec.nodeName}; the kubelet reports {@code status}.
 *
 * <p>Upstream: {@code v1.Pod} in k8s.io/api/core/v1/types.go.
 */
public record Pod(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    PodSpec spec,
    PodStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Pod";

  public Pod {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Pod(ObjectMeta metadata, PodSpec spec, PodStatus status) {
    this(API_VERSION, KIND, metadata, spec, status, Map.of());
  }

  @Override
  public Pod withMetadata(ObjectMeta metadata) {
    return new Pod(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Pod withSpec(PodSpec spec) {
    return new Pod(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Pod withStatus(PodStatus status) {
    return new Pod(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
