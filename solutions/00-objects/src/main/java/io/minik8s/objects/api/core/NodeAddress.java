package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * One address of a node: {@code type} is {@code InternalIP}, {@code ExternalIP} or {@code
 * Hostname}.
 *
 * <p>Upstream: {@code v1.NodeAddress}.
 */
public record NodeAddress(
    String type, String address, @UnknownFields Map<String, JsonNode> unknownFields) {

  public NodeAddress {
    unknownFields = Copies.unknown(unknownFields);
  }

  public NodeAddress(String type, String address) {
    this(type, address, Map.of());
  }
}
