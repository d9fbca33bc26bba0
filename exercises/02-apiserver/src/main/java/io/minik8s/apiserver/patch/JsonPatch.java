package io.minik8s.apiserver.patch;

import io.minik8s.objects.patch.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON Patch, RFC 6902: a list of operations applied in order, each at a {@link JsonPointer}.
 *
 * <pre>
 * [{"op":"replace","path":"/spec/replicas","value":5},
 *  {"op":"add","path":"/metadata/labels/tier","value":"fe"},
 *  {"op":"test","path":"/metadata/resourceVersion","value":"42"}]
 * </pre>
 *
 * <ul>
 *   <li>{@code add} sets a member, or inserts into an array before the index ({@code -} appends);
 *       the parent must exist.
 *   <li>{@code remove}, {@code replace}: the target must exist.
 *   <li>{@code move}, {@code copy}: take the value at {@code from}, then add it at {@code path};
 *       a value cannot move into its own child.
 *   <li>{@code test}: the value at {@code path} must equal {@code value}, or the whole patch fails.
 * </ul>
 *
 * <p>The patch is atomic: if any operation fails, the caller's document is untouched (we work on
 * a copy). A malformed document (not an array of operation objects, an unknown op, a missing
 * member) is a {@link PatchException.Kind#MALFORMED} error, found before anything is applied;
 * an operation that does not fit the document is {@link PatchException.Kind#FAILED}.
 *
 * <p>Upstream: github.com/evanphx/json-patch, called from
 * k8s.io/apiserver/pkg/endpoints/handlers/patch.go ({@code applyJSPatch}).
 */
public final class JsonPatch {

  /** Upstream's {@code maxJSONPatchOperations}: more than this is refused (413). */
  public static final int MAX_OPERATIONS = 10_000;

  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");

  /** One decoded operation; {@code from} and {@code value} are null where the op has none. */
  record Operation(String op, JsonPointer path, JsonPointer from, JsonNode value) {}

  private final List<Operation> operations;

  private JsonPatch(List<Operation> operations) {
    this.operations = operations;
  }

  /**
   * Decodes a patch document.
   *
   * @throws PatchException (malformed) if {@code patch} is not an array of valid operations
   */
  public static JsonPatch parse(JsonNode patch) {
    if (patch == null || !patch.isArray()) {
      throw PatchException.malformed("a JSON patch must be an array of operations, got "
          + (patch == null ? "nothing" : patch.getNodeType().toString().toLowerCase()));
    }
    List<Operation> operations = new ArrayList<>();
    for (int i = 0; i < patch.size(); i++) {
      operations.add(operation(i, patch.get(i)));
    }
    return new JsonPatch(operations);
  }

  public int size() {
    return operations.size();
  }

  /** The result of applying every operation in order to a copy of {@code document}. */
  public JsonNode apply(JsonNode document) {
    JsonNode result = document.deepCopy();
    for (Operation operation : operations) {
      result = apply(result, operation);
    }
    return result;
  }

  private static Operation operation(int index, JsonNode node) {
    if (!node.isObject()) {
      throw PatchException.malformed("operation " + index + " of the JSON patch is not an object");
    }
    String op = node.path("op").asText("");
    if (!OPS.contains(op)) {
      throw PatchException.malformed("operation " + index + " has an unknown \"op\": \""
          + node.path("op").asText() + "\" (expected add, remove, replace, move, copy or test)");
    }
    JsonPointer path = pointer(index, node, "path");
    JsonPointer from = op.equals("move") || op.equals("copy") ? pointer(index, node, "from") : null;
    JsonNode value = null;
    if (op.equals("add") || op.equals("replace") || op.equals("test")) {
      value = node.get("value");
      if (value == null) {
        throw PatchException.malformed("operation " + index + " (" + op + ") has no \"value\"");
      }
    }
    return new Operation(op, path, from, value);
  }

  private static JsonPointer pointer(int index, JsonNode node, String member) {
    JsonNode text = node.get(member);
    if (text == null || !text.isTextual()) {
      throw PatchException.malformed(
          "operation " + index + " (" + node.path("op").asText() + ") has no \"" + member + "\"");
    }
    return JsonPointer.parse(text.asText());
  }

  /** Applies one operation to {@code doc} (which it may modify) and returns the new document. */
  static JsonNode apply(JsonNode doc, Operation operation) {
    // BEGIN EXERCISE 2.2 — apply one JSON patch operation (add, remove, replace, move, copy, test)
    throw new UnsupportedOperationException("TODO exercise 2.2: apply one JSON patch operation (add, remove, replace, move, copy, test)");
    // END EXERCISE 2.2
  }

  /** The value at {@code path}; a missing one fails the patch. */
  static JsonNode get(JsonNode doc, JsonPointer path) {
    // BEGIN EXERCISE 2.2 — resolve a JSON pointer, token by token
    throw new UnsupportedOperationException("TODO exercise 2.2: resolve a JSON pointer, token by token");
    // END EXERCISE 2.2
  }

  /** Adds {@code value} at {@code path} and returns the (possibly new) document. */
  private static JsonNode add(JsonNode doc, JsonPointer path, JsonNode value) {
    // BEGIN EXERCISE 2.2 — add: set an object member, or insert into an array ("-" appends)
    throw new UnsupportedOperationException("TODO exercise 2.2: add: set an object member, or insert into an array (\"-\" appends)");
    // END EXERCISE 2.2
  }

  /** Removes the value at {@code path}, which must exist and not be the root. */
  private static void remove(JsonNode doc, JsonPointer path) {
    if (path.isRoot()) {
      throw PatchException.failed("cannot remove the whole document");
    }
    get(doc, path);
    JsonNode parent = get(doc, path.parent());
    if (parent.isObject()) {
      ((ObjectNode) parent).remove(path.last());
    } else {
      ((ArrayNode) parent).remove(index(path.last(), parent.size() - 1, path));
    }
  }

  /** An array index token: digits without a leading zero, at most {@code max}. */
  private static int index(String token, int max, JsonPointer path) {
    if (!token.matches("0|[1-9][0-9]{0,8}")) {
      throw PatchException.failed(
          "\"" + token + "\" in " + path + " is not an array index");
    }
    int index = Integer.parseInt(token);
    if (index > max) {
      throw PatchException.failed("index " + index + " in " + path + " is out of bounds");
    }
    return index;
  }
}
