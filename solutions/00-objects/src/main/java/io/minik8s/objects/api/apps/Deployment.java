package io.minik8s.objects.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Declarative updates for pods: the Deployment controller owns one ReplicaSet per pod template
 * revision and scales the new one up and old ones down as {@code spec.strategy} allows.
 *
 * <p>Upstream: {@code appsv1.Deployment} in k8s.io/api/apps/v1/types.go.
 */
public record Deployment(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    DeploymentSpec spec,
    DeploymentStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "Deployment";

  public Deployment {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Deployment(ObjectMeta metadata, DeploymentSpec spec, DeploymentStatus status) {
    this(API_VERSION, KIND, metadata, spec, status, Map.of());
  }

  @Override
  public Deployment withMetadata(ObjectMeta metadata) {
    return new Deployment(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Deployment withSpec(DeploymentSpec spec) {
    return new Deployment(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Deployment withStatus(DeploymentStatus status) {
    return new Deployment(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
