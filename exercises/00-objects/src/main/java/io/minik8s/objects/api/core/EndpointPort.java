package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A port on the backend addresses, named like the Service port it serves.
 *
 * <p>Upstream: {@code v1.EndpointPort}.
 */
public record EndpointPort(
    String name,
    Integer port,
    String protocol,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public EndpointPort {
    unknownFields = Copies.unknown(unknownFields);
  }

  public EndpointPort(String name, int port, String protocol) {
    this(name, port, protocol, Map.of());
  }
}
