package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * The external addresses of a load balancer.
 *
 * <p>Upstream: {@code v1.LoadBalancerStatus} and {@code v1.LoadBalancerIngress}.
 */
public record LoadBalancerStatus(
    List<Ingress> ingress, @UnknownFields Map<String, JsonNode> unknownFields) {

  public LoadBalancerStatus {
    ingress = Copies.list(ingress);
    unknownFields = Copies.unknown(unknownFields);
  }

  public LoadBalancerStatus(List<Ingress> ingress) {
    this(ingress, Map.of());
  }

  /** One external address: an IP or a hostname. */
  public record Ingress(
      String ip, String hostname, @UnknownFields Map<String, JsonNode> unknownFields) {
    public Ingress {
      unknownFields = Copies.unknown(unknownFields);
    }

    public Ingress(String ip, String hostname) {
      this(ip, hostname, Map.of());
    }
  }
}
