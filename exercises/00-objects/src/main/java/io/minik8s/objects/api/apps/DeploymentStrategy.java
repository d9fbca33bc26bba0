package io.minik8s.objects.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * How a Deployment replaces old pods: {@code Recreate} (all old pods go before new ones start) or
 * {@code RollingUpdate}, bounded by {@code rollingUpdate.maxSurge} (extra pods above the desired
 * count) and {@code rollingUpdate.maxUnavailable} (pods below it), each an absolute number or a
 * percentage of {@code replicas}.
 *
 * <p>Upstream: {@code appsv1.DeploymentStrategy} and {@code appsv1.RollingUpdateDeployment}.
 */
public record DeploymentStrategy(
    String type,
    RollingUpdate rollingUpdate,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String RECREATE = "Recreate";
  public static final String ROLLING_UPDATE = "RollingUpdate";

  public DeploymentStrategy {
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A RollingUpdate strategy with the given bounds (either may be null for the default 25%). */
  public static DeploymentStrategy rollingUpdate(IntOrString maxUnavailable, IntOrString maxSurge) {
    return new DeploymentStrategy(
        ROLLING_UPDATE, new RollingUpdate(maxUnavailable, maxSurge, null), null);
  }

  /** The Recreate strategy. */
  public static DeploymentStrategy recreate() {
    return new DeploymentStrategy(RECREATE, null, null);
  }

  /** Upstream: {@code appsv1.RollingUpdateDeployment}. */
  public record RollingUpdate(
      IntOrString maxUnavailable,
      IntOrString maxSurge,
      @UnknownFields Map<String, JsonNode> unknownFields) {
    public RollingUpdate {
      unknownFields = Copies.unknown(unknownFields);
    }
  }
}
