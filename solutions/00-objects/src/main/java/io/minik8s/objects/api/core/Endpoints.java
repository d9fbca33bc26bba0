package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The addresses behind a Service, written by the endpoints controller: one object per Service,
 * with the same name. Ready pod IPs go in {@code addresses}, unready ones in {@code
 * notReadyAddresses}.
 *
 * <p>Upstream: {@code v1.Endpoints}.
 */
public record Endpoints(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<EndpointSubset> subsets,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Endpoints";

  public Endpoints {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    subsets = Copies.list(subsets);
    unknownFields = Copies.unknown(unknownFields);
  }

  public Endpoints(ObjectMeta metadata, List<EndpointSubset> subsets) {
    this(API_VERSION, KIND, metadata, subsets, Map.of());
  }

  @Override
  public Endpoints withMetadata(ObjectMeta metadata) {
    return new Endpoints(apiVersion, kind, metadata, subsets, unknownFields);
  }

  public Endpoints withSubsets(List<EndpointSubset> subsets) {
    return new Endpoints(apiVersion, kind, metadata, subsets, unknownFields);
  }
}
