package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * An identity for processes in pods. The service account controller creates one named {@code
 * default} in every namespace.
 *
 * <p>Upstream: {@code v1.ServiceAccount}.
 */
public record ServiceAccount(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<ObjectReference> secrets,
    Boolean automountServiceAccountToken,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "ServiceAccount";

  public ServiceAccount {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    secrets = Copies.list(secrets);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ServiceAccount(ObjectMeta metadata) {
    this(API_VERSION, KIND, metadata, null, null, Map.of());
  }

  @Override
  public ServiceAccount withMetadata(ObjectMeta metadata) {
    return new ServiceAccount(apiVersion, kind, metadata, secrets, automountServiceAccountToken,
        unknownFields);
  }
}
