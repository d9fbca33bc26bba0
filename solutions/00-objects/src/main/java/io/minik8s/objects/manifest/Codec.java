package io.minik8s.objects.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.meta.KubeObject;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place JSON and YAML are configured. Every module reads and writes API objects through
 * these methods so the wire format is the same everywhere:
 *
 * <ul>
 *   <li>null fields, empty strings, empty lists and empty maps are omitted (Go's {@code
 *       omitempty}); zero and {@code false} are kept (our numbers and booleans are boxed, so
 *       "unset" is null);
 *   <li>an empty string inside a map is kept (a label may have the value "");
 *   <li>a JSON string is not silently turned into a number or boolean ({@code replicas: "3"} is
 *       an error, as in Kubernetes);
 *   <li>fields a record does not model are kept (see {@code @UnknownFields}).
 * </ul>
 *
 * <p>Errors are reported as {@link ManifestException} with the JSON path of the offending field.
 */
public final class Codec {

  private static final JsonMapper JSON = configure(JsonMapper.builder()).build();

  private static final YAMLMapper YAML = configure(YAMLMapper.builder(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build()))
      .build();

  private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");

  private Codec() {}

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
    return builder
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .withCoercionConfig(LogicalType.Integer,
            c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float,
            c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean,
            c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
  }

  /** The shared JSON mapper, for code in this package. Never reconfigure it. */
  static JsonMapper jsonMapper() {
    return JSON;
  }

  /** The shared YAML mapper, for code in this package. Never reconfigure it. */
  static YAMLMapper yamlMapper() {
    return YAML;
  }

  /** Compact JSON, as the API server sends it. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** Indented JSON, as {@code kubectl get -o json} prints it. */
  public static String toPrettyJson(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** One YAML document, without a leading {@code ---}. */
  public static String toYaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** The JSON tree of a value (what {@link #toJson} would write). */
  public static JsonNode toTree(Object value) {
    return JSON.valueToTree(value);
  }

  /**
   * Decodes JSON text into {@code type}.
   *
   * @throws ManifestException if the text is not JSON or does not fit {@code type}
   */
  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw toManifestException(e);
    }
  }

  /**
   * Decodes a list response such as a {@code PodList} into an {@link ObjectList} of {@code
   * itemType}.
   *
   * @throws ManifestException if the text is not JSON or does not fit
   */
  public static <T extends KubeObject> ObjectList<T> fromJsonList(String json, Class<T> itemType) {
    JavaType listType =
        JSON.getTypeFactory().constructParametricType(ObjectList.class, itemType);
    try {
      return JSON.readValue(json, listType);
    } catch (JsonProcessingException e) {
      throw toManifestException(e);
    }
  }

  /**
   * Binds a JSON tree to {@code type}.
   *
   * @throws ManifestException if the tree does not fit {@code type}
   */
  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw toManifestException(e);
    }
  }

  /**
   * Turns a Jackson error into a {@link ManifestException} naming the field path and the line,
   * e.g. {@code spec.replicas: Cannot deserialize value of type `Integer` from String "three"}.
   */
  static ManifestException toManifestException(JsonProcessingException e) {
    String message = oneLine(e.getOriginalMessage());
    // Java class names mean nothing to a user writing YAML: keep the simple names.
    message = BACKTICKED.matcher(message).replaceAll(m -> Matcher.quoteReplacement(
        m.group().replaceAll("(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)", "$1")));
    message = message.replaceAll(" \\(token `[^`]*`\\)", "");
    message = message.replaceAll(
        "\\s*\\(but might if coercion using `CoercionConfig` was enabled\\)", "");
    int line = 0;
    if (e instanceof DatabindException mapping) {
      String path = fieldPath(mapping);
      if (!path.isEmpty()) {
        message = path + ": " + message;
      }
    } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      line = e.getLocation().getLineNr();
    }
    ManifestException result = new ManifestException(0, line, message);
    result.initCause(e);
    return result;
  }

  /**
   * SnakeYAML's messages span several lines (problem, context, a snippet with a caret); keep the
   * unindented lines, joined: {@code while parsing a flow sequence: expected ',' or ']'}.
   */
  private static String oneLine(String message) {
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        out.append(out.length() > 0 ? ": " : "").append(line.strip());
      }
    }
    return out.length() > 0 ? out.toString() : message.strip();
  }

  /** {@code spec.containers[0].ports[1].containerPort} from Jackson's reference chain. */
  private static String fieldPath(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : ((JsonMappingException) e).getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
