package io.minik8s.objects.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.objects.api.GenericObject;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.Scheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes manifests, the files users {@code kubectl apply -f}.
 *
 * <p>Input is YAML, possibly several documents separated by {@code ---}, or JSON (one object, or
 * several one after another). Each document becomes a typed record chosen by its {@code
 * apiVersion} and {@code kind} through the {@link Scheme}; a kind the scheme does not know (a
 * custom resource) becomes a {@link GenericObject}. A {@code List} ({@code kind: List} or a typed
 * list such as {@code PodList}) is flattened into its items, as kubectl does.
 *
 * <pre>{@code
 * List<KubeObject> objects = Manifests.decode(Files.readString(path));
 * String yaml = Manifests.toYaml(objects);
 * }</pre>
 */
/*
 * How kubectl does it: k8s.io/apimachinery/pkg/util/yaml.YAMLOrJSONDecoder sniffs the first
 * non-blank byte ('{' means JSON) and splits YAML on "---" lines; the resource builder
 * (k8s.io/cli-runtime/pkg/resource) then maps each document's GVK through the RESTMapper and
 * flattens lists. Here Jackson's streaming parsers do the splitting: a YAML parser yields one root
 * value per document (null for an empty one), a JSON parser one per concatenated object.
 */
public final class Manifests {

  private Manifests() {}

  /**
   * Decodes every object in a YAML or JSON stream, in order, skipping empty documents and
   * flattening lists.
   *
   * @throws ManifestException naming the document (1-based) and, for syntax errors, the line
   */
  public static List<KubeObject> decode(String text) {
    // BEGIN EXERCISE 0.3 — split a YAML/JSON stream into documents and decode each one
    boolean json = text.stripLeading().startsWith("{");
    ObjectMapper mapper = json ? Codec.jsonMapper() : Codec.yamlMapper();
    List<KubeObject> objects = new ArrayList<>();
    try (JsonParser parser = mapper.createParser(text);
        MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(parser)) {
      int document = 0;
      while (true) {
        document++;
        JsonNode root;
        try {
          if (!documents.hasNextValue()) {
            break;
          }
          root = documents.nextValue();
        } catch (JsonProcessingException e) {
          throw Codec.toManifestException(e).inDocument(document);
        }
        if (root == null || root.isNull() || root.isMissingNode()
            || (root.isTextual() && root.textValue().isEmpty())) {
          continue; // an empty document: only comments, or nothing between two "---"
        }
        objects.addAll(decodeDocument(root, document));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no real I/O
    }
    return objects;
    // END EXERCISE 0.3
  }

  /**
   * Decodes a stream that must hold exactly one object.
   *
   * @throws ManifestException if it holds none or several, or cannot be decoded
   */
  public static KubeObject decodeOne(String text) {
    List<KubeObject> objects = decode(text);
    if (objects.size() != 1) {
      throw new ManifestException(0, 0, "expected exactly one object, found " + objects.size());
    }
    return objects.get(0);
  }

  /**
   * Decodes one document's tree: a typed record by apiVersion and kind, a {@link GenericObject}
   * for unknown kinds, or the items of a list. Items of a typed list ({@code PodList}) that lack
   * {@code apiVersion} or {@code kind} inherit the list's apiVersion and the kind without {@code
   * List}, as API list responses omit them.
   *
   * @param document the 1-based document number, for error messages
   * @throws ManifestException if the document is not an object, lacks a non-empty {@code
   *     apiVersion} or {@code kind}, or a field has the wrong type
   */
  static List<KubeObject> decodeDocument(JsonNode root, int document) {
    // BEGIN EXERCISE 0.3 — decode one document by apiVersion and kind, flattening lists
    if (!root.isObject()) {
      throw new ManifestException(document, 0,
          "expected an object with apiVersion and kind, got " + root.getNodeType().toString()
              .toLowerCase());
    }
    String apiVersion = requiredText(root, "apiVersion", document);
    String kind = requiredText(root, "kind", document);

    if (kind.endsWith("List") && root.path("items").isArray()) {
      String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - 4);
      List<KubeObject> objects = new ArrayList<>();
      ArrayNode items = (ArrayNode) root.get("items");
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (item.isObject() && itemKind != null) {
          ObjectNode copy = ((ObjectNode) item).deepCopy();
          if (!copy.hasNonNull("apiVersion")) {
            copy.put("apiVersion", apiVersion);
          }
          if (!copy.hasNonNull("kind")) {
            copy.put("kind", itemKind);
          }
          item = copy;
        }
        try {
          objects.addAll(decodeDocument(item, document));
        } catch (ManifestException e) {
          throw new ManifestException(document, e.line(), "items[" + i + "]: " + e.problem());
        }
      }
      return objects;
    }

    Class<? extends KubeObject> type =
        Scheme.builtIn().javaTypeFor(apiVersion, kind).orElse(GenericObject.class);
    try {
      return List.of(Codec.fromTree(root, type));
    } catch (ManifestException e) {
      throw e.inDocument(document);
    }
    // END EXERCISE 0.3
  }

  /** The text of a required string field, or a ManifestException naming it. */
  private static String requiredText(JsonNode root, String field, int document) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      throw new ManifestException(document, 0, field + " is missing");
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new ManifestException(document, 0, field + " must be a non-empty string, got " + value);
    }
    return value.textValue();
  }

  /**
   * Encodes objects as JSON: a single object as itself, several (or none) as a {@code v1 List},
   * as {@code kubectl get -o json} prints them.
   */
  public static String toJson(List<? extends KubeObject> objects) {
    // BEGIN EXERCISE 0.3 — encode objects as one JSON object or a v1 List
    if (objects.size() == 1) {
      return Codec.toPrettyJson(objects.get(0));
    }
    ObjectNode list = Codec.jsonMapper().createObjectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    objects.forEach(o -> items.add(Codec.toTree(o)));
    return Codec.toPrettyJson(list);
    // END EXERCISE 0.3
  }

  /**
   * Encodes objects as a YAML stream: one document per object, separated by {@code ---} lines;
   * decoding the result gives equal objects.
   */
  public static String toYaml(List<? extends KubeObject> objects) {
    // BEGIN EXERCISE 0.3 — encode objects as a multi-document YAML stream
    StringBuilder yaml = new StringBuilder();
    for (KubeObject object : objects) {
      if (yaml.length() > 0) {
        yaml.append("---\n");
      }
      yaml.append(Codec.toYaml(object));
    }
    return yaml.toString();
    // END EXERCISE 0.3
  }
}
