package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Caps what a namespace may consume: {@code spec.hard} maps a resource name ({@code pods},
 * {@code requests.cpu}, {@code limits.memory}...) to the most it may total. The ResourceQuota
 * admission plugin refuses a create that would exceed it; {@code status.used} reports the totals.
 *
 * <p>Upstream: {@code v1.ResourceQuota}.
 */
public record ResourceQuota(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ResourceQuotaSpec spec,
    ResourceQuotaStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "ResourceQuota";

  public ResourceQuota {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public ResourceQuota(ObjectMeta metadata, ResourceQuotaSpec spec) {
    this(API_VERSION, KIND, metadata, spec, null, Map.of());
  }

  @Override
  public ResourceQuota withMetadata(ObjectMeta metadata) {
    return new ResourceQuota(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public ResourceQuota withStatus(ResourceQuotaStatus status) {
    return new ResourceQuota(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
