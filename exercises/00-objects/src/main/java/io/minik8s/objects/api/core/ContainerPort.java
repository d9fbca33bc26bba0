package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A port a container listens on. A Service's {@code targetPort} may refer to it by {@code name}.
 * {@code protocol} is {@code TCP} (the default), {@code UDP} or {@code SCTP}.
 *
 * <p>Upstream: {@code v1.ContainerPort}.
 */
public record ContainerPort(
    String name,
    Integer hostPort,
    Integer containerPort,
    String protocol,
    String hostIP,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ContainerPort {
    unknownFields = Copies.unknown(unknownFields);
  }

  /** An unnamed TCP port. */
  public static ContainerPort of(int containerPort) {
    return new ContainerPort(null, null, containerPort, null, null, null);
  }

  /** A named TCP port. */
  public static ContainerPort named(String name, int containerPort) {
    return new ContainerPort(name, null, containerPort, null, null, null);
  }
}
