package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The observed state of a Service: for {@code LoadBalancer} services, the external addresses the
 * cloud controller manager obtained.
 *
 * <p>Upstream: {@code v1.ServiceStatus}.
 */
public record ServiceStatus(
    LoadBalancerStatus loadBalancer, @UnknownFields Map<String, JsonNode> unknownFields) {

  public ServiceStatus {
    unknownFields = Copies.unknown(unknownFields);
  }

  public ServiceStatus(LoadBalancerStatus loadBalancer) {
    this(loadBalancer, Map.of());
  }
}
