package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * A set of addresses that all serve the same ports.
 *
 * <p>Upstream: {@code v1.EndpointSubset}.
 */
public record EndpointSubset(
    List<EndpointAddress> addresses,
    List<EndpointAddress> notReadyAddresses,
    List<EndpointPort> ports,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public EndpointSubset {
    addresses = Copies.list(addresses);
    notReadyAddresses = Copies.list(notReadyAddresses);
    ports = Copies.list(ports);
    unknownFields = Copies.unknown(unknownFields);
  }

  public EndpointSubset(
      List<EndpointAddress> addresses,
      List<EndpointAddress> notReadyAddresses,
      List<EndpointPort> ports) {
    this(addresses, notReadyAddresses, ports, Map.of());
  }
}
