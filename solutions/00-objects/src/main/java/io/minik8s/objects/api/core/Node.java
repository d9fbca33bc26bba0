package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A machine that runs pods. The kubelet registers it and keeps {@code status} (capacity,
 * allocatable resources, the {@code Ready} condition, addresses) current; {@code spec} holds the
 * pod CIDR, taints and the cordon flag ({@code unschedulable}). Cluster-scoped.
 *
 * <p>Upstream: {@code v1.Node}.
 */
public record Node(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    NodeSpec spec,
    NodeStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Node";

  public Node {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Node(ObjectMeta metadata, NodeSpec spec, NodeStatus status) {
    this(API_VERSION, KIND, metadata, spec, status, Map.of());
  }

  @Override
  public Node withMetadata(ObjectMeta metadata) {
    return new Node(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Node withSpec(NodeSpec spec) {
    return new Node(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Node withStatus(NodeStatus status) {
    return new Node(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
