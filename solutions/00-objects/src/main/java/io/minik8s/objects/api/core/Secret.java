package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Like a ConfigMap but for credentials: {@code data} values are base64-encoded; {@code
 * stringData} is a write-only convenience the API server merges into {@code data}. {@code type}
 * defaults to {@code Opaque}.
 *
 * <p>Upstream: {@code v1.Secret}.
 */
public record Secret(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    Map<String, String> data,
    Map<String, String> stringData,
    String type,
    Boolean immutable,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Secret";

  public Secret {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    data = Copies.map(data);
    stringData = Copies.map(stringData);
    unknownFields = Copies.unknown(unknownFields);
  }

  public Secret(ObjectMeta metadata, Map<String, String> data, String type) {
    this(API_VERSION, KIND, metadata, data, null, type, null, Map.of());
  }

  @Override
  public Secret withMetadata(ObjectMeta metadata) {
    return new Secret(apiVersion, kind, metadata, data, stringData, type, immutable, unknownFields);
  }

  public Secret withData(Map<String, String> data) {
    return new Secret(apiVersion, kind, metadata, data, stringData, type, immutable, unknownFields);
  }
}
