package io.minik8s.objects.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The desired state of a Deployment. Defaults applied by the API server when null: {@code
 * replicas} 1, {@code strategy} RollingUpdate with 25% surge and 25% unavailable, {@code
 * revisionHistoryLimit} 10, {@code progressDeadlineSeconds} 600.
 *
 * <p>Upstream: {@code appsv1.DeploymentSpec}.
 */
public record DeploymentSpec(
    Integer replicas,
    LabelSelector selector,
    PodTemplateSpec template,
    DeploymentStrategy strategy,
    Integer minReadySeconds,
    Integer revisionHistoryLimit,
    Boolean paused,
    Integer progressDeadlineSeconds,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public DeploymentSpec {
    unknownFields = Copies.unknown(unknownFields);
  }

  public DeploymentSpec(Integer replicas, LabelSelector selector, PodTemplateSpec template) {
    this(replicas, selector, template, null, null, null, null, null, Map.of());
  }

  public DeploymentSpec withReplicas(Integer replicas) {
    return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds,
        revisionHistoryLimit, paused, progressDeadlineSeconds, unknownFields);
  }

  public DeploymentSpec withTemplate(PodTemplateSpec template) {
    return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds,
        revisionHistoryLimit, paused, progressDeadlineSeconds, unknownFields);
  }

  public DeploymentSpec withStrategy(DeploymentStrategy strategy) {
    return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds,
        revisionHistoryLimit, paused, progressDeadlineSeconds, unknownFields);
  }

  public DeploymentSpec withPaused(Boolean paused) {
    return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds,
        revisionHistoryLimit, paused, progressDeadlineSeconds, unknownFields);
  }
}
