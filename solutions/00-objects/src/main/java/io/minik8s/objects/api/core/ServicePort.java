package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * One port of a Service: clients connect to {@code port} on the cluster IP (and to {@code
 * nodePort} on every node, for NodePort and LoadBalancer services); traffic goes to {@code
 * targetPort} on the pods, a number or the name of a container port (defaults to {@code port}).
 *
 * <p>Upstream: {@code v1.ServicePort}.
 */
public record ServicePort(
    String name,
    String protocol,
    Integer port,
    IntOrString targetPort,
    Integer nodePort,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ServicePort {
    unknownFields = Copies.unknown(unknownFields);
  }

  public ServicePort(String name, int port, IntOrString targetPort) {
    this(name, null, port, targetPort, null, Map.of());
  }

  public ServicePort withNodePort(Integer nodePort) {
    return new ServicePort(name, protocol, port, targetPort, nodePort, unknownFields);
  }
}
