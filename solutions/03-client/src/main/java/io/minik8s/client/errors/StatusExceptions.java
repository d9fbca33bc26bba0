package io.minik8s.client.errors;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.manifest.ManifestException;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusCause;
import io.minik8s.objects.meta.StatusDetails;
import java.util.List;
import java.util.Map;

/**
 * Turns a failed HTTP answer into the {@link ApiStatusException} subclass callers catch.
 *
 * <p>The API server answers every failure with a {@code Status} body whose {@code reason} says
 * what went wrong ({@code NotFound}, {@code AlreadyExists}, {@code Conflict}...); the reason, not
 * the HTTP code, decides the exception, since two reasons share 409 and two share 410. Only when
 * the reason is missing or unknown does the code decide, as client-go's
 * {@code apierrors.IsNotFound} and friends do (k8s.io/apimachinery/pkg/api/errors/errors.go,
 * {@code reasonAndCodeForError}).
 *
 * <p>A proxy or a crashed server may answer with something that is not a Status at all (HTML, a
 * plain-text line, nothing). Then a Status is built from the code and the text, as client-go's
 * {@code newUnstructuredResponseError} (k8s.io/client-go/rest/request.go) does with
 * {@code apierrors.NewGenericServerResponse}: the reason follows the code, the text is kept as a
 * cause of type {@code UnexpectedServerResponse}.
 */
public final class StatusExceptions {

  /** The cause type client-go gives the body of a non-Status answer. */
  public static final String UNEXPECTED_SERVER_RESPONSE = "UnexpectedServerResponse";

  private StatusExceptions() {}

  /**
   * The exception for an answer with {@code httpCode} (not 2xx) and {@code body}: the body's own
   * Status when it is one (its code filled in from the answer if missing), else a Status built
   * from the code and the text.
   */
  public static ApiStatusException from(int httpCode, String body) {
    Status status = parseStatus(body)
        .map(s -> s.code() == null || s.code() == 0 ? withCode(s, httpCode) : s)
        .orElseGet(() -> unstructured(httpCode, body));
    return forStatus(status);
  }

  /** The body as a Status, if it is a JSON object of kind Status. */
  private static java.util.Optional<Status> parseStatus(String body) {
    if (body == null || body.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      JsonNode tree = Codec.fromJson(body, JsonNode.class);
      if (!tree.isObject() || !"Status".equals(tree.path("kind").asText())) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Codec.fromTree(tree, Status.class));
    } catch (ManifestException e) {
      return java.util.Optional.empty();
    }
  }

  private static Status withCode(Status s, int code) {
    return new Status(s.apiVersion(), s.kind(), s.metadata(), s.status(), s.message(), s.reason(),
        s.details(), code, s.unknownFields());
  }

  /**
   * The exception whose class names the Status' reason; for a missing or unknown reason, the one
   * its code names; a plain {@link ApiStatusException} when neither is known (500, 503...).
   */
  public static ApiStatusException forStatus(Status status) {
    // BEGIN EXERCISE 3.1 — map a Status answer to an exception: by reason, else by code
    String reason = status.reason() == null ? "" : status.reason();
    switch (reason) {
      case "NotFound": return new NotFoundException(status);
      case "AlreadyExists": return new AlreadyExistsException(status);
      case "Conflict": return new ConflictException(status);
      case "Forbidden": return new ForbiddenException(status);
      case "Unauthorized": return new UnauthorizedException(status);
      case "Gone":
      case "Expired": return new GoneException(status);
      case "Invalid": return new InvalidException(status);
      case "BadRequest": return new BadRequestException(status);
      case "TooManyRequests": return new TooManyRequestsException(status);
      case "MethodNotAllowed": return new MethodNotAllowedException(status);
      default: break;
    }
    int code = status.code() == null ? 0 : status.code();
    switch (code) {
      case 400: return new BadRequestException(status);
      case 401: return new UnauthorizedException(status);
      case 403: return new ForbiddenException(status);
      case 404: return new NotFoundException(status);
      case 405: return new MethodNotAllowedException(status);
      case 409: return new ConflictException(status);
      case 410: return new GoneException(status);
      case 422: return new InvalidException(status);
      case 429: return new TooManyRequestsException(status);
      default: return new ApiStatusException(status);
    }
    // END EXERCISE 3.1
  }

  /**
   * A Status for an answer without one: reason and message from the code (client-go's {@code
   * NewGenericServerResponse}), the body text as an {@code UnexpectedServerResponse} cause.
   */
  static Status unstructured(int code, String body) {
    // BEGIN EXERCISE 3.1 — build a Status from a code and a body that is not a Status
    String text = body == null ? "" : body.strip();
    String reason;
    String message;
    switch (code) {
      case 400 -> {
        reason = "BadRequest";
        message = "the server rejected our request for an unknown reason";
      }
      case 401 -> {
        reason = "Unauthorized";
        message = "the server has asked for the client to provide credentials";
      }
      case 403 -> {
        reason = "Forbidden";
        message = text; // who may not do what: the server's words are the useful part
      }
      case 404 -> {
        reason = "NotFound";
        message = "the server could not find the requested resource";
      }
      case 405 -> {
        reason = "MethodNotAllowed";
        message = "the server does not allow this method on the requested resource";
      }
      case 409 -> { // upstream: AlreadyExists when the verb was POST; the verb is not known here
        reason = "Conflict";
        message = "the server reported a conflict";
      }
      case 422 -> {
        reason = "Invalid";
        message = "the server rejected our request due to an error in our request";
      }
      case 429 -> {
        reason = "TooManyRequests";
        message = "the server has received too many requests and has asked us to try again "
            + "later";
      }
      default -> {
        reason = code >= 500 ? "InternalError" : "Unknown";
        message = code >= 500
            ? "an error on the server (\"" + text + "\") has prevented the request from succeeding"
            : "the server responded with the status code " + code
                + " but did not return more information";
      }
    }
    List<StatusCause> causes = text.isEmpty()
        ? List.of() : List.of(new StatusCause(UNEXPECTED_SERVER_RESPONSE, text, null, Map.of()));
    return Status.failure(code, reason, message, new StatusDetails(null, null, null, causes));
    // END EXERCISE 3.1
  }
}
