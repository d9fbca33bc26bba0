package io.minik8s.objects.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The desired state of a ReplicaSet: {@code replicas} (default 1) pods matching {@code selector},
 * made from {@code template}.
 *
 * <p>Upstream: {@code appsv1.ReplicaSetSpec}.
 */
public record ReplicaSetSpec(
    Integer replicas,
    Integer minReadySeconds,
    LabelSelector selector,
    PodTemplateSpec template,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ReplicaSetSpec {
    unknownFields = Copies.unknown(unknownFields);
  }

  public ReplicaSetSpec(Integer replicas, LabelSelector selector, PodTemplateSpec template) {
    this(replicas, null, selector, template, Map.of());
  }

  public ReplicaSetSpec withReplicas(Integer replicas) {
    return new ReplicaSetSpec(replicas, minReadySeconds, selector, template, unknownFields);
  }
}
