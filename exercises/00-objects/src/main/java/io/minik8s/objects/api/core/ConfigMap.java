package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Configuration as key-value pairs: text in {@code data}, base64 bytes in {@code binaryData}.
 * Keys are unique across both.
 *
 * <p>Upstream: {@code v1.ConfigMap}.
 */
public record ConfigMap(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Map<String, String> data,
    Map<String, String> binaryData,
    Boolean immutable,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "ConfigMap";

  public ConfigMap {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    data = Copies.map(data);
    binaryData = Copies.map(binaryData);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ConfigMap(ObjectMeta metadata, Map<String, String> data) {
    this(API_VERSION, KIND, metadata, data, null, null, Map.of());
  }

  @Override
  public ConfigMap withMetadata(ObjectMeta metadata) {
    return new ConfigMap(apiVersion, kind, metadata, data, binaryData, immutable, unknownFields);
  }

  public ConfigMap withData(Map<String, String> data) {
    return new ConfigMap(apiVersion, kind, metadata, data, binaryData, immutable, unknownFields);
  }
}
