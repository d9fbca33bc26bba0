package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * One environment variable. {@code valueFrom} (from a ConfigMap, Secret or field) is not
 * modelled and stays in {@code unknownFields}.
 *
 * <p>Upstream: {@code v1.EnvVar}.
 */
public record EnvVar(String name, String value,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public EnvVar {
    unknownFields = Copies.unknown(unknownFields);
  }

  public EnvVar(String name, String value) {
    this(name, value, Map.of());
  }
}
