package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.Status;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reading request bodies and writing response bodies as JSON trees. Bodies are decoded to a
 * tree, never to a typed record: a field the server does not model must survive a round trip.
 */
public final class Json {

  /** Nesting deeper than this is an attack, not an object (upstream's decoder caps it too). */
  private static final int MAX_DEPTH = 100;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build())
      .build();

  static {
    StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
    JSON.getFactory().setStreamReadConstraints(limits);
    YAML.getFactory().setStreamReadConstraints(limits);
  }

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Decodes a request body that must hold one object.
   *
   * @param contentType the request's Content-Type; YAML for {@code application/yaml}, else JSON
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest if the body is empty, not
   *     JSON (or YAML), or not an object
   */
  public static ObjectNode readObject(byte[] body, String contentType) {
    if (body.length == 0) {
      throw StatusErrors.badRequest("the request body is empty: expected a JSON object");
    }
    boolean yaml = MediaTypes.essence(contentType).equals(MediaTypes.YAML)
        || MediaTypes.essence(contentType).equals(MediaTypes.APPLY_PATCH);
    JsonNode tree;
    try {
      tree = (yaml ? YAML : JSON).readTree(body);
    } catch (IOException | RuntimeException e) {
      throw StatusErrors.badRequest("the request body is not valid " + (yaml ? "YAML" : "JSON")
          + ": " + firstLine(e.getMessage()));
    }
    if (tree == null || !tree.isObject()) {
      throw StatusErrors.badRequest("the request body must be a JSON object, not "
          + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()));
    }
    return (ObjectNode) tree;
  }

  /** Compact JSON, or indented with {@code pretty}. */
  public static byte[] write(JsonNode node, boolean pretty) {
    try {
      return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node)
          : JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] writeYaml(JsonNode node) {
    try {
      return YAML.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Status as the JSON tree clients receive. */
  public static ObjectNode status(Status status) {
    return (ObjectNode) Codec.toTree(status);
  }

  /** The first line of a parser's message, without Jackson's "at [Source: ...]" trailer. */
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse(message);
    int source = line.indexOf(" at [Source");
    return source < 0 ? line : line.substring(0, source);
  }
}
