package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The limits of a quota: resource name to quantity string ({@code pods: "10"}, {@code
 * requests.cpu: "2"}, {@code limits.memory: 4Gi}), read as strings like {@link
 * ResourceRequirements}. Scopes and scope selectors are kept among the unknown fields.
 *
 * <p>Upstream: {@code v1.ResourceQuotaSpec}.
 */
public record ResourceQuotaSpec(
    Map<String, String> hard, @UnknownFields Map<String, JsonNode> unknownFields) {

  public ResourceQuotaSpec {
    hard = Copies.map(hard);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ResourceQuotaSpec(Map<String, String> hard) {
    this(hard, Map.of());
  }
}
