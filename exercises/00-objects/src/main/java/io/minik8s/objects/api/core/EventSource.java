package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Which component reported an event, and on which host.
 *
 * <p>Upstream: {@code v1.EventSource}.
 */
public record EventSource(
    String component, String host, @UnknownFields Map<String, JsonNode> unknownFields) {

  public EventSource {
    unknownFields = Copies.unknown(unknownFields);
  }

  public EventSource(String component, String host) {
    this(component, host, Map.of());
  }
}
