package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * One backend address: the pod IP, the node it runs on and a reference to the pod.
 *
 * <p>Upstream: {@code v1.EndpointAddress}.
 */
public record EndpointAddress(
    String ip,
    String hostname,
    String nodeName,
    ObjectReference targetRef,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public EndpointAddress {
    unknownFields = Copies.unknown(unknownFields);
  }

  public EndpointAddress(String ip, String nodeName, ObjectReference targetRef) {
    this(ip, null, nodeName, targetRef, Map.of());
  }
}
