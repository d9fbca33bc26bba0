package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A stable virtual address for the pods its {@code spec.selector} matches. The endpoints
 * controller lists the matching ready pods in an {@link Endpoints} object of the same name; the
 * proxy routes {@code clusterIP:port} to them.
 *
 * <p>Upstream: {@code v1.Service}.
 */
public record Service(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ServiceSpec spec,
    ServiceStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Service";

  public Service {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Service(ObjectMeta metadata, ServiceSpec spec, ServiceStatus status) {
    this(API_VERSION, KIND, metadata, spec, status, Map.of());
  }

  @Override
  public Service withMetadata(ObjectMeta metadata) {
    return new Service(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Service withSpec(ServiceSpec spec) {
    return new Service(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Service withStatus(ServiceStatus status) {
    return new Service(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
