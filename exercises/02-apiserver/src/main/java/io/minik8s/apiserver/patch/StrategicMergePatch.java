package io.minik8s.apiserver.patch;

import io.minik8s.objects.patch.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.patch.PatchSchema.Field;
import io.minik8s.apiserver.patch.PatchSchema.ListType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch: a JSON merge patch that knows the schema, so lists of named things merge
 * item by item instead of being replaced. It is what {@code kubectl apply} (client-side),
 * {@code kubectl edit}, {@code kubectl scale} and {@code kubectl label} send.
 *
 * <pre>
 * live   {"spec":{"containers":[{"name":"web","image":"web:1"},{"name":"log","image":"log:1"}]}}
 * patch  {"spec":{"containers":[{"name":"web","image":"web:2"}]}}
 * result {"spec":{"containers":[{"name":"web","image":"web:2"},{"name":"log","image":"log:1"}]}}
 * </pre>
 *
 * <p>A JSON merge patch would have replaced the list and lost {@code log}. The rules:
 *
 * <ul>
 *   <li>Objects merge member by member; a {@code null} member deletes it.
 *   <li>A list whose field has a merge key ({@link PatchSchema}) merges by key: a patch item
 *       whose key matches a live item is merged into it, a new key is added; live items the
 *       patch does not name stay. Primitive lists with strategy merge (finalizers) are unions.
 *       Every other list is replaced.
 *   <li>Directives: {@code {"$patch":"delete"}} in an object empties it; {@code "$patch":
 *       "replace"} takes the object as given. In a list, {@code {"name":"log","$patch":"delete"}}
 *       removes that item and {@code {"$patch":"replace"}} replaces the list with the other
 *       items. {@code "$deleteFromPrimitiveList/finalizers":["a"]} removes values from a
 *       primitive list. {@code "$setElementOrder/containers":[{"name":"log"},{"name":"web"}]}
 *       orders the merged list. {@code "$retainKeys":["type"]} clears every member of the
 *       object it does not list (e.g. a Deployment strategy switching to Recreate).
 * </ul>
 *
 * <p>Order of a merged list: items the patch names come in the patch's order, live items it
 * does not name keep their place relative to them (a new item with nothing to follow goes first,
 * as upstream's {@code mergeSortedSlice} does).
 *
 * <p>Upstream: {@code StrategicMergeMapPatch} in
 * k8s.io/apimachinery/pkg/util/strategicpatch/patch.go ({@code mergeMap}, {@code mergeSlice},
 * {@code normalizeElementOrder}, {@code mergePatchIntoOriginal}), with {@code MergeParallelList}
 * and {@code IgnoreUnmatchedNulls} set, as the API server uses it.
 */
public final class StrategicMergePatch {

  static final String PATCH = "$patch";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String SET_ELEMENT_ORDER = "$setElementOrder/";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrategicMergePatch() {}

  /**
   * The result of applying {@code patch} to {@code original} for objects described by
   * {@code schema}. Neither argument is modified.
   *
   * @throws PatchException if the patch is malformed (a bad directive, a list item without its
   *     merge key) or cannot apply (a list of lists)
   */
  public static ObjectNode apply(PatchSchema schema, ObjectNode original, ObjectNode patch) {
    return mergeMap(original.deepCopy(), patch.deepCopy(), schema);
  }

  /**
   * Merges {@code patch} into {@code original} (both private copies, {@code original} may be
   * null for a missing object) and returns the result.
   */
  static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, PatchSchema schema) {
    // BEGIN EXERCISE 2.2 — merge an object: $patch directive, nulls delete, recurse into objects and lists
    throw new UnsupportedOperationException("TODO exercise 2.2: merge an object: $patch directive, nulls delete, recurse into objects and lists");
    // END EXERCISE 2.2
  }

  /**
   * Merges list {@code patch} into list {@code original} by the field's merge key (primitives:
   * as a set union), after the {@code $patch} items ({@code delete}, {@code replace}) took
   * effect, and orders the result with {@link #orderedMerge}.
   */
  static ArrayNode mergeList(ArrayNode original, ArrayNode patch, Field field) {
    // BEGIN EXERCISE 2.2 — merge a list by its merge key, honouring $patch delete/replace items
    throw new UnsupportedOperationException("TODO exercise 2.2: merge a list by its merge key, honouring $patch delete/replace items");
    // END EXERCISE 2.2
  }

  /**
   * The merged list in its final order. {@code parts[0]} holds the items named by {@code order}
   * (the patch list, or a {@code $setElementOrder} list), {@code parts[1]} the others ("server
   * only"). The named ones are sorted by {@code order}, the others by {@code serverOrder}; then the
   * two are interleaved: a server-only item goes before a named one when {@code serverOrder} has
   * it first, and otherwise after (upstream's {@code normalizeElementOrder} and
   * {@code mergeSortedSlice}).
   */
  static ArrayNode orderedMerge(List<List<JsonNode>> parts, List<JsonNode> order,
      List<JsonNode> serverOrder, String key) {
    // BEGIN EXERCISE 2.2 — order a merged list: patch order, server-only items kept in place
    throw new UnsupportedOperationException("TODO exercise 2.2: order a merged list: patch order, server-only items kept in place");
    // END EXERCISE 2.2
  }

  /**
   * Handles every {@code $setElementOrder/<field>} of {@code patch}: merges the field's patch list
   * into {@code original} and orders the result as the directive lists it; removes both the
   * directive and the list from {@code patch}, so the main loop skips them.
   */
  static void applySetElementOrder(ObjectNode original, ObjectNode patch, PatchSchema schema) {
    // BEGIN EXERCISE 2.2 — $setElementOrder: merge the list, then order it as the directive says
    throw new UnsupportedOperationException("TODO exercise 2.2: $setElementOrder: merge the list, then order it as the directive says");
    // END EXERCISE 2.2
  }

  /**
   * Handles a {@code $retainKeys} directive: every member of {@code original} it does not list
   * is cleared. Every member the patch sets must be listed (upstream's
   * {@code applyRetainKeysDirective}).
   */
  static void applyRetainKeys(ObjectNode original, ObjectNode patch) {
    JsonNode retain = patch.remove(RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    if (!retain.isArray()) {
      throw PatchException.malformed("invalid patch format of retainKeys");
    }
    Set<String> keep = new HashSet<>();
    retain.forEach(k -> keep.add(k.asText()));
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      String key = member.getKey();
      if (!member.getValue().isNull() && !key.startsWith("$") && !keep.contains(key)) {
        throw PatchException.malformed("invalid patch format of retainKeys");
      }
    }
    original.properties().removeIf(member -> !keep.contains(member.getKey()));
  }

  private static ArrayNode deleteFromPrimitiveList(ArrayNode current, ArrayNode toDelete) {
    ArrayNode kept = NODES.arrayNode();
    for (JsonNode item : current) {
      boolean deleted = false;
      for (JsonNode d : toDelete) {
        deleted |= JsonValues.sameValue(item, d);
      }
      if (!deleted) {
        kept.add(item);
      }
    }
    return kept;
  }

  /** {@code [named by order, the rest]}, each in merged-list order. */
  private static List<List<JsonNode>> split(List<JsonNode> merged, List<JsonNode> order,
      String key) {
    List<JsonNode> named = new ArrayList<>();
    List<JsonNode> rest = new ArrayList<>();
    for (JsonNode item : merged) {
      (indexOf(order, item, keyOf(item, key), key) >= 0 ? named : rest).add(item);
    }
    return List.of(named, rest);
  }

  /** Index in {@code list} of the item whose key ({@code key} "" = the item itself) is value. */
  private static int indexOf(List<JsonNode> list, JsonNode item, JsonNode value, String key) {
    for (int i = 0; i < list.size(); i++) {
      if (JsonValues.sameValue(keyOf(list.get(i), key), value)) {
        return i;
      }
    }
    return -1;
  }

  private static int position(List<JsonNode> order, JsonNode item, String key) {
    int at = indexOf(order, item, keyOf(item, key), key);
    return at < 0 ? Integer.MAX_VALUE : at;
  }

  private static JsonNode keyOf(JsonNode item, String key) {
    return key.isEmpty() ? item : item.path(key);
  }

  private static JsonNode mergeKeyValue(JsonNode item, String key) {
    JsonNode value = item.get(key);
    if (value == null) {
      throw PatchException.malformed(
          "map: " + item + " does not contain declared merge key: " + key);
    }
    return value;
  }

  /** True for lists of objects; false for primitives; lists of lists are refused (422). */
  private static boolean elementsAreObjects(ArrayNode a, ArrayNode b) {
    boolean objects = false;
    boolean primitives = false;
    for (ArrayNode list : List.of(a, b)) {
      for (JsonNode item : list) {
        if (item.isArray()) {
          throw PatchException.failed("lists of lists are not supported");
        }
        objects |= item.isObject();
        primitives |= !item.isObject();
      }
    }
    if (objects && primitives) {
      throw PatchException.malformed("a merged list mixes objects and primitive values");
    }
    return objects;
  }

  /** {@code "$setElementOrder/containers"} → {@code "containers"}; an empty name is malformed. */
  private static String directiveTarget(String key, String prefix) {
    String name = key.substring(prefix.length());
    if (name.isEmpty()) {
      throw PatchException.malformed(prefix.equals(SET_ELEMENT_ORDER)
          ? "invalid patch format of setElementOrder list"
          : "invalid patch format of primitive list");
    }
    return name;
  }

  private static List<JsonNode> items(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static List<String> fieldNames(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A copy of a value taken as is (an atomic list), without directive items or members. */
  static JsonNode stripDirectives(JsonNode value) {
    if (value.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        if (!member.getKey().startsWith("$") && !member.getValue().isNull()) {
          copy.set(member.getKey(), stripDirectives(member.getValue()));
        }
      }
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      value.forEach(item -> {
        if (!item.has(PATCH)) {
          copy.add(stripDirectives(item));
        }
      });
      return copy;
    }
    return value;
  }
}
