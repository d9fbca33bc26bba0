package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Probe by opening a TCP connection: success is being able to connect.
 *
 * <p>Upstream: {@code v1.TCPSocketAction}.
 */
public record TcpSocketAction(
    IntOrString port, String host, @UnknownFields Map<String, JsonNode> unknownFields) {

  public TcpSocketAction {
    unknownFields = Copies.unknown(unknownFields);
  }

  public TcpSocketAction(IntOrString port) {
    this(port, null, Map.of());
  }
}
