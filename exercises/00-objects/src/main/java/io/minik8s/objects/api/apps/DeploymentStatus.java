package io.minik8s.objects.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * What the Deployment controller observed. {@code observedGeneration} equal to {@code
 * metadata.generation} means the status reflects the latest spec; conditions are {@code
 * Available} and {@code Progressing}.
 *
 * <p>Upstream: {@code appsv1.DeploymentStatus}.
 */
public record DeploymentStatus(
    Long observedGeneration,
    Integer replicas,
    Integer updatedReplicas,
    Integer readyReplicas,
    Integer availableReplicas,
    Integer unavailableReplicas,
    List<Condition> conditions,
    Integer collisionCount,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public DeploymentStatus {
    conditions = Copies.list(conditions);
    unknownFields = Copies.unknown(unknownFields);
  }
}
