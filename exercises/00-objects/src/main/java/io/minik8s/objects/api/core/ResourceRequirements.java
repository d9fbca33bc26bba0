package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * CPU and memory a container asks for ({@code requests}, what the scheduler reserves) and may
 * not exceed ({@code limits}). Values are raw quantity strings such as {@code "500m"} or {@code
 * "128Mi"}; parse them with the quantity package when arithmetic is needed. A YAML number such as
 * {@code cpu: 1} is read as the string {@code "1"} (Kubernetes also writes quantities back as
 * strings).
 *
 * <p>Upstream: {@code v1.ResourceRequirements}.
 */
public record ResourceRequirements(
    Map<String, String> limits,
    Map<String, String> requests,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ResourceRequirements {
    limits = Copies.map(limits);
    requests = Copies.map(requests);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ResourceRequirements(Map<String, String> limits, Map<String, String> requests) {
    this(limits, requests, Map.of());
  }
}
