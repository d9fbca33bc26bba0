package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Probe by HTTP GET: success is a status code in [200, 400). {@code port} is a number or the name
 * of a container port; {@code host} defaults to the pod IP, {@code scheme} to {@code HTTP}.
 * {@code httpHeaders} stays in {@code unknownFields}.
 *
 * <p>Upstream: {@code v1.HTTPGetAction}.
 */
public record HttpGetAction(
    String path,
    IntOrString port,
    String host,
    String scheme,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public HttpGetAction {
    unknownFields = Copies.unknown(unknownFields);
  }
}
