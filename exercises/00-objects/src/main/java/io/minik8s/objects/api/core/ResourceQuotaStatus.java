package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The limits enforced ({@code hard}, copied from the spec) and the totals observed ({@code used}).
 *
 * <p>Upstream: {@code v1.ResourceQuotaStatus}.
 */
public record ResourceQuotaStatus(
    Map<String, String> hard,
    Map<String, String> used,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ResourceQuotaStatus {
    hard = Copies.map(hard);
    used = Copies.map(used);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ResourceQuotaStatus(Map<String, String> hard, Map<String, String> used) {
    this(hard, used, Map.of());
  }
}
