package io.minik8s.apiserver.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.patch.JsonMergePatch;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.FieldPath;
import io.minik8s.objects.validation.InvalidObject;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Applies the body of a {@code PATCH} request to the current object, by its Content-Type:
 *
 * <ul>
 *   <li>{@code application/json-patch+json}: {@link JsonPatch} (RFC 6902);
 *   <li>{@code application/merge-patch+json}: {@link JsonMergePatch} (RFC 7386, module 00);
 *   <li>{@code application/strategic-merge-patch+json}: {@link StrategicMergePatch} with the
 *       kind's {@link PatchSchema}.
 * </ul>
 *
 * <p>{@code application/apply-patch+yaml} is also a PATCH type ({@link #SUPPORTED}), but it needs
 * a field manager and the managed fields: the REST layer hands it to {@code ServerSideApply}.
 *
 * <p>Errors, as k8s.io/apiserver/pkg/endpoints/handlers/patch.go answers them: an unknown type is
 * 415 with the supported list; a body that is not JSON, or not a patch of that type, is 400
 * BadRequest; a JSON patch that does not fit the object (a failed {@code test}, a missing path)
 * is 422 Invalid with upstream's generic message; more than 10 000 operations is 413. The result
 * must still be the same object: a changed name is 400 as in upstream's {@code checkName}, a
 * changed kind or apiVersion, or a result that is not an object, is 422 Invalid on field
 * {@code patch}, as upstream's decoding of the patched JSON reports it.
 */
public final class Patcher {

  public static final String JSON_PATCH = "application/json-patch+json";
  public static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  public static final String APPLY_PATCH = "application/apply-patch+yaml";

  /** The PATCH content types, in upstream's order (installer.go): the 415 message lists them. */
  public static final List<String> SUPPORTED =
      List.of(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH);

  /** What upstream's {@code NewGenericServerResponse} says for a 422. */
  static final String REJECTED = "the server rejected our request due to an error in our request";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The patched copy of {@code current}; {@code current} is not modified.
   *
   * @param contentType the request's Content-Type; parameters ({@code ; charset=utf-8}) ignored
   * @throws ApiException 415, 400, 413 or 422 as described above
   * @throws IllegalArgumentException for {@link #APPLY_PATCH}, which is not this class's job
   */
  public Unstructured apply(String contentType, ResourceType type, Unstructured current,
      byte[] body) {
    String mediaType = mediaType(contentType);
    if (!SUPPORTED.contains(mediaType)) {
      throw StatusErrors.unsupportedMediaType(contentType, SUPPORTED);
    }
    if (mediaType.equals(APPLY_PATCH)) {
      throw new IllegalArgumentException("apply patches go to ServerSideApply, not Patcher");
    }
    JsonNode patch = parse(body);
    JsonNode patched;
    try {
      patched = patch(mediaType, current, patch);
    } catch (PatchException e) {
      throw e.kind() == PatchException.Kind.MALFORMED
          ? StatusErrors.badRequest(e.getMessage())
          : new ApiException(Status.failure(422, "Invalid", REJECTED, null));
    }
    return checkSameObject(current, patched);
  }

  /** Applies a parsed patch of {@code mediaType} (one of the three) to a copy of current. */
  static JsonNode patch(String mediaType, Unstructured current, JsonNode patch) {
    // BEGIN EXERCISE 2.2 — dispatch on the patch type: JSON patch, merge patch, strategic merge patch
    throw new UnsupportedOperationException("TODO exercise 2.2: dispatch on the patch type: JSON patch, merge patch, strategic merge patch");
    // END EXERCISE 2.2
  }

  private static void requireObject(JsonNode patch) {
    if (!patch.isObject()) {
      throw PatchException.malformed("a merge patch must be a JSON object, got "
          + patch.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
  }

  /** The patched JSON as the same object: still an object, same kind, apiVersion and name. */
  private static Unstructured checkSameObject(Unstructured current, JsonNode patched) {
    if (!patched.isObject()) {
      throw invalidPatch(patched, "the patched document is not a JSON object");
    }
    Unstructured result = Unstructured.of((ObjectNode) patched);
    if (!result.kind().equals(current.kind())
        || !result.apiVersion().equals(current.apiVersion())) {
      throw invalidPatch(patched, "a patch may not change apiVersion and kind (from "
          + current.apiVersion() + ", Kind=" + current.kind() + " to " + result.apiVersion()
          + ", Kind=" + result.kind() + ")");
    }
    if (!result.name().equals(current.name())) {
      // upstream's checkName in k8s.io/apiserver/pkg/endpoints/handlers/rest.go
      throw StatusErrors.badRequest("the name of the object (" + result.name()
          + ") does not match the name on the URL (" + current.name() + ")");
    }
    if (!result.namespace().isEmpty() && !result.namespace().equals(current.namespace())) {
      throw StatusErrors.badRequest("the namespace of the provided object does not match the "
          + "namespace sent on the request");
    }
    return result;
  }

  private static ApiException invalidPatch(JsonNode patched, String detail) {
    return new ApiException(InvalidObject.status("", "", "",
        List.of(FieldError.invalid(FieldPath.of("patch"), patched.toString(), detail))));
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw StatusErrors.badRequest("invalid JSON patch");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw StatusErrors.badRequest("invalid JSON patch");
    } catch (IOException e) {
      throw StatusErrors.badRequest("invalid JSON patch");
    }
  }

  /** {@code "application/json-patch+json; charset=utf-8"} → {@code application/json-patch+json}. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
