package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * How a Service is exposed. {@code type} is {@code ClusterIP} (the default: a virtual IP inside
 * the cluster), {@code NodePort} (also a port on every node), {@code LoadBalancer} (also an
 * external load balancer from the cloud provider) or {@code ExternalName} (a DNS alias, no
 * proxying). A null {@code selector} means endpoints are managed by hand.
 *
 * <p>Upstream: {@code v1.ServiceSpec}.
 */
public record ServiceSpec(
    String type,
    Map<String, String> selector,
    List<ServicePort> ports,
    String clusterIP,
    List<String> clusterIPs,
    String externalName,
    String sessionAffinity,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String CLUSTER_IP = "ClusterIP";
  public static final String NODE_PORT = "NodePort";
  public static final String LOAD_BALANCER = "LoadBalancer";
  public static final String EXTERNAL_NAME = "ExternalName";

  public ServiceSpec {
    selector = Copies.map(selector);
    ports = Copies.list(ports);
    clusterIPs = Copies.list(clusterIPs);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ServiceSpec(String type, Map<String, String> selector, List<ServicePort> ports) {
    this(type, selector, ports, null, null, null, null, Map.of());
  }

  public ServiceSpec withClusterIP(String clusterIP) {
    return new ServiceSpec(type, selector, ports, clusterIP,
        clusterIP == null ? List.of() : List.of(clusterIP), externalName, sessionAffinity,
        unknownFields);
  }

  public ServiceSpec withPorts(List<ServicePort> ports) {
    return new ServiceSpec(type, selector, ports, clusterIP, clusterIPs, externalName,
        sessionAffinity, unknownFields);
  }
}
