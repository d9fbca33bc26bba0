package io.minik8s.objects.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The body of every API error (and of some successful deletes): {@code status} is {@code
 * "Success"} or {@code "Failure"}, {@code code} the HTTP status, {@code reason} a machine-readable
 * word ({@code "NotFound"}, {@code "AlreadyExists"}, {@code "Conflict"}, {@code "Invalid"}...),
 * {@code message} one human sentence, and {@code details} the object concerned.
 *
 * <pre>{@code
 * {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
 *  "message":"pods \"web\" not found","reason":"NotFound",
 *  "details":{"name":"web","kind":"pods"},"code":404}
 * }</pre>
 *
 * <p>Status is not a {@link KubeObject}: it has list-style metadata and is never stored.
 *
 * <p>Upstream: {@code metav1.Status} in k8s.io/apimachinery/pkg/apis/meta/v1/types.go.
 */
public record Status(
    String apiVersion,
    String kind,
    ListMeta metadata,
    String status,
    String message,
    String reason,
    StatusDetails details,
    Integer code,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String SUCCESS = "Success";
  public static final String FAILURE = "Failure";

  public Status {
    apiVersion = apiVersion == null ? "v1" : apiVersion;
    kind = kind == null ? "Status" : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A {@code Failure} status with the given HTTP code, reason, message and details. */
  public static Status failure(int code, String reason, String message, StatusDetails details) {
    return new Status(null, null, null, FAILURE, message, reason, details, code, Map.of());
  }
}
