package io.minik8s.apiserver.errors;

import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusDetails;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.InvalidObject;
import java.util.List;

/**
 * The API errors Kubernetes sends, with its codes, reasons and messages, word for word: clients
 * match on the reason and users read the message ({@code Error from server (NotFound): pods
 * "web" not found} is kubectl printing {@code reason} and {@code message}).
 *
 * <p>A resource is named as upstream's {@code GroupResource.String()}: {@code pods} for the core
 * group, {@code deployments.apps} otherwise.
 *
 * <p>Upstream: k8s.io/apimachinery/pkg/api/errors/errors.go.
 */
public final class StatusErrors {

  /** The message of a failed compare-and-swap, from the generic registry's conflict error. */
  public static final String OBJECT_MODIFIED =
      "the object has been modified; please apply your changes to the latest version and try again";

  private StatusErrors() {}

  /** 404 NotFound: {@code pods "web" not found}. */
  public static ApiException notFound(ResourceType type, String name) {
    return error(404, "NotFound", qualified(type) + " \"" + name + "\" not found", type, name);
  }

  /** 409 AlreadyExists: {@code pods "web" already exists}. */
  public static ApiException alreadyExists(ResourceType type, String name) {
    return error(409, "AlreadyExists", qualified(type) + " \"" + name + "\" already exists",
        type, name);
  }

  /** 409 Conflict: {@code Operation cannot be fulfilled on pods "web": <why>}. */
  public static ApiException conflict(ResourceType type, String name, String why) {
    return error(409, "Conflict",
        "Operation cannot be fulfilled on " + qualified(type) + " \"" + name + "\": " + why,
        type, name);
  }

  /** 422 Invalid, one cause per field error: {@code Pod "web" is invalid: spec...: Required value}. */
  public static ApiException invalid(ResourceType type, String name, List<FieldError> errors) {
    return new ApiException(
        InvalidObject.status(type.kind().group(), type.kind().kind(), name, errors));
  }

  /** 400 BadRequest with the message as given. */
  public static ApiException badRequest(String message) {
    return new ApiException(Status.failure(400, "BadRequest", message, null));
  }

  /** 405 MethodNotAllowed: {@code <action> is not supported on resources of kind "pods"}. */
  public static ApiException methodNotSupported(ResourceType type, String action) {
    return new ApiException(Status.failure(405, "MethodNotAllowed",
        action + " is not supported on resources of kind \"" + qualified(type) + "\"",
        new StatusDetails("", type.kind().group(), type.plural(), List.of())));
  }

  /** 405 MethodNotAllowed for a path that is not a resource. */
  public static ApiException methodNotAllowed() {
    return new ApiException(Status.failure(405, "MethodNotAllowed",
        "the server does not allow this method on the requested resource", null));
  }

  /** 404 NotFound for a path that names nothing the server serves. */
  public static ApiException pathNotFound(String message) {
    return new ApiException(Status.failure(404, "NotFound", message, null));
  }

  /**
   * 410 Expired, what a watch or list from a compacted resourceVersion gets: {@code too old
   * resource version: 5 (17)}. Clients (reflectors) react by listing again.
   */
  public static ApiException resourceExpired(String message) {
    return new ApiException(Status.failure(410, "Expired", message, null));
  }

  /** 410 Gone. */
  public static ApiException gone(String message) {
    return new ApiException(Status.failure(410, "Gone", message, null));
  }

  /** 401 Unauthorized: the request carried no credentials the server accepts. */
  public static ApiException unauthorized() {
    return new ApiException(Status.failure(401, "Unauthorized", "Unauthorized", null));
  }

  /**
   * 403 Forbidden: {@code pods "web" is forbidden: <why>}, or {@code pods is forbidden: <why>}
   * when the request names no object (list, create, watch).
   */
  public static ApiException forbidden(ResourceType type, String name, String why) {
    String subject = name == null || name.isEmpty()
        ? qualified(type)
        : qualified(type) + " \"" + name + "\"";
    return error(403, "Forbidden", subject + " is forbidden: " + why, type, name);
  }

  /** 403 Forbidden for a group and resource the scheme does not know, or a non-resource URL. */
  public static ApiException forbidden(String subject, String why) {
    return new ApiException(
        Status.failure(403, "Forbidden", subject + " is forbidden: " + why, null));
  }

  /** 413 RequestEntityTooLarge. */
  public static ApiException tooLarge(String message) {
    return new ApiException(Status.failure(413, "RequestEntityTooLarge",
        "Request entity too large: " + message, null));
  }

  /** 415 UnsupportedMediaType for a body whose Content-Type the verb does not accept. */
  public static ApiException unsupportedMediaType(String contentType, List<String> accepted) {
    return new ApiException(Status.failure(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", accepted),
        null));
  }

  /** 406 NotAcceptable for an Accept header the server cannot satisfy. */
  public static ApiException notAcceptable(List<String> accepted) {
    return new ApiException(Status.failure(406, "NotAcceptable",
        "only the following media types are accepted: " + String.join(", ", accepted), null));
  }

  /** 500 InternalError; the only 5xx, for a fault of the server, never of the request. */
  public static ApiException internal(String message) {
    return new ApiException(Status.failure(500, "InternalError",
        "Internal error occurred: " + message, null));
  }

  /** 503 ServiceUnavailable, e.g. the store is unreachable. */
  public static ApiException unavailable(String message) {
    return new ApiException(Status.failure(503, "ServiceUnavailable", message, null));
  }

  /** {@code pods}, or {@code deployments.apps} for a named group. */
  public static String qualified(ResourceType type) {
    String group = type.kind().group();
    return group.isEmpty() ? type.plural() : type.plural() + "." + group;
  }

  private static ApiException error(int code, String reason, String message, ResourceType type,
      String name) {
    return new ApiException(Status.failure(code, reason, message,
        new StatusDetails(name == null ? "" : name, type.kind().group(), type.plural(),
            List.of())));
  }
}
