package io.minik8s.apiserver.rest;

import java.util.List;
import java.util.Locale;

/**
 * The media types the server reads and writes, and the little content negotiation it does.
 *
 * <p>Upstream: the negotiation in k8s.io/apiserver/pkg/endpoints/handlers/negotiation.
 */
public final class MediaTypes {

  public static final String JSON = "application/json";
  public static final String YAML = "application/yaml";
  public static final String JSON_PATCH = "application/json-patch+json";
  public static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  public static final String APPLY_PATCH = "application/apply-patch+yaml";
  /** Kubernetes' protobuf: read (client-go's typed clients send it), never written. */
  public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

  /** What PATCH accepts, in the order upstream's 415 message lists them. */
  public static final List<String> PATCH_TYPES =
      List.of(JSON_PATCH, MERGE_PATCH, APPLY_PATCH, STRATEGIC_MERGE_PATCH);

  /** What create and update accept. */
  public static final List<String> BODY_TYPES = List.of(JSON, YAML, PROTOBUF);

  private MediaTypes() {}

  /** The type without parameters, lowercased: {@code application/json; charset=utf-8} → {@code application/json}. */
  public static String essence(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /** How the client wants a response: as a Table, as YAML, or as JSON. */
  public enum Rendering { JSON, YAML, TABLE }

  /**
   * Picks the first media range of an Accept header the server can produce. {@code tables}
   * says whether this server can print Tables at all.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 406 if nothing in the header fits
   */
  public static Rendering negotiate(String accept, boolean tables) {
    if (accept == null || accept.isBlank()) {
      return Rendering.JSON;
    }
    for (String range : accept.split(",")) {
      String[] params = range.split(";");
      String type = params[0].trim().toLowerCase(Locale.ROOT);
      String as = "";
      for (int i = 1; i < params.length; i++) {
        String[] kv = params[i].trim().split("=", 2);
        if (kv.length == 2 && kv[0].trim().equals("as")) {
          as = kv[1].trim();
        }
      }
      boolean json = type.equals(JSON) || type.equals("application/*") || type.equals("*/*");
      if (as.equals("Table") && json) {
        if (tables) {
          return Rendering.TABLE;
        }
      } else if (!as.isEmpty()) {
        continue; // PartialObjectMetadata and friends: not served, try the next range
      } else if (json) {
        return Rendering.JSON;
      } else if (type.equals(YAML)) {
        return Rendering.YAML;
      }
    }
    throw io.minik8s.apiserver.errors.StatusErrors.notAcceptable(List.of(JSON, YAML));
  }
}
