package io.minik8s.objects.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * What the ReplicaSet controller observed: how many matching pods exist, are ready and available.
 *
 * <p>Upstream: {@code appsv1.ReplicaSetStatus}.
 */
public record ReplicaSetStatus(
    Integer replicas,
    Integer fullyLabeledReplicas,
    Integer readyReplicas,
    Integer availableReplicas,
    Long observedGeneration,
    List<Condition> conditions,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ReplicaSetStatus {
    conditions = Copies.list(conditions);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ReplicaSetStatus(
      int replicas, int readyReplicas, int availableReplicas, Long observedGeneration) {
    this(replicas, null, readyReplicas, availableReplicas, observedGeneration, null, Map.of());
  }
}
