package io.minik8s.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import java.util.Locale;

/**
 * Request bodies in Kubernetes' protobuf encoding ({@code application/vnd.kubernetes.protobuf}),
 * decoded to the same JSON tree a JSON client would have sent.
 *
 * <p>Why a JSON server reads protobuf at all: client-go's typed clients (kubectl create, auth
 * can-i, controllers) encode bodies as protobuf whenever the server might understand it, and
 * unlike CBOR they do not retry as JSON after a 415. Responses stay JSON: their Accept header
 * ({@code application/vnd.kubernetes.protobuf,application/json}) allows it.
 *
 * <p>The format (k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go): the 4-byte
 * magic {@code k8s\0}, then a {@code runtime.Unknown} message: {@code typeMeta} (apiVersion,
 * kind), {@code raw} (the object's own message), {@code contentEncoding}, {@code contentType}.
 */
public final class ProtobufBodies {

  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final String UNKNOWN = "k8s.io.apimachinery.pkg.runtime.Unknown";

  private ProtobufBodies() {}

  /** Whether a Content-Type (parameters allowed) is Kubernetes protobuf. */
  public static boolean isProtobuf(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon));
    return essence.trim().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
  }

  /**
   * Decodes a protobuf body whose envelope names its apiVersion and kind (client-go always
   * fills them).
   *
   * @return the object as JSON, with apiVersion and kind
   * @throws ApiException 400 BadRequest for anything malformed or of an unknown kind
   */
  public static ObjectNode decode(byte[] body) {
    return decode(body, null, null);
  }

  /**
   * Decodes a protobuf body; when the envelope's typeMeta is empty, the object is taken to be of
   * {@code defaultApiVersion}/{@code defaultKind} (the resource the URL addresses), as upstream's
   * decoder defaults the GVK from the request.
   *
   * @throws ApiException 400 BadRequest for anything malformed or of an unknown kind
   */
  public static ObjectNode decode(byte[] body, String defaultApiVersion, String defaultKind) {
    try {
      return decode(body, defaultApiVersion, defaultKind, 0);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // A safety net: a decoder bug must still answer 400, never 500.
      throw StatusErrors.badRequest("the protobuf request body could not be decoded: " + e);
    }
  }

  static ObjectNode decode(byte[] body, String defaultApiVersion, String defaultKind, int depth) {
    if (!hasMagic(body)) {
      throw StatusErrors.badRequest("the protobuf request body does not start with the magic "
          + "bytes \"k8s\\0\"");
    }
    MessageDecoder decoder = new MessageDecoder(ProtoSchema.get());
    JsonNode envelope = decoder.decode(UNKNOWN,
        new WireReader(body, MAGIC.length, body.length), depth);
    String apiVersion = envelope.path("typeMeta").path("apiVersion").asText("");
    String kind = envelope.path("typeMeta").path("kind").asText("");
    if (apiVersion.isEmpty() && kind.isEmpty() && defaultKind != null) {
      apiVersion = defaultApiVersion;
      kind = defaultKind;
    }
    if (kind.isEmpty()) {
      throw StatusErrors.badRequest("the protobuf request body does not name its kind "
          + "(typeMeta is empty)");
    }
    String encoding = envelope.path("contentEncoding").asText("");
    String contentType = envelope.path("contentType").asText("");
    if (!encoding.isEmpty() || !contentType.isEmpty() && !isProtobuf(contentType)) {
      throw StatusErrors.badRequest("the protobuf request body wraps content of type \""
          + contentType + "\" with encoding \"" + encoding + "\": only plain protobuf is "
          + "supported");
    }
    String message = KindMessages.messageFor(apiVersion, kind);
    if (message == null || ProtoSchema.get().message(message) == null) {
      throw StatusErrors.badRequest("the protobuf request body holds a " + kind + " of "
          + apiVersion + ", which this server cannot decode from protobuf");
    }
    byte[] raw = java.util.Base64.getDecoder().decode(envelope.path("raw").asText(""));
    JsonNode decoded = decoder.decode(message, new WireReader(raw, 0, raw.length), depth + 1);
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    if (!(decoded instanceof ObjectNode fields)) {
      throw StatusErrors.badRequest("the protobuf request body holds a " + kind
          + ", which is not an object");
    }
    fields.remove("apiVersion");
    fields.remove("kind");
    object.setAll(fields);
    return object;
  }

  static boolean hasMagic(byte[] body) {
    if (body.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (body[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
