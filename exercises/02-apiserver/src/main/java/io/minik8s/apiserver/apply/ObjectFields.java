package io.minik8s.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.objects.patch.JsonValues;
import io.minik8s.apiserver.patch.PatchSchema;
import io.minik8s.apiserver.patch.PatchSchema.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields an object sets, each with its value: the leaves of its JSON tree as the schema
 * sees them. A scalar, an atomic list, an atomic struct, an empty object is one field; a keyed
 * list's item is a field of its own ({@code k:{"name":"web"}}, so ownership of "the container
 * named web" exists apart from its image) and so is each value of a set list.
 *
 * <p>The fields every object has and nobody manages are left out: apiVersion, kind, and
 * metadata's name, namespace, uid, resourceVersion, generation, creationTimestamp and
 * managedFields (upstream's stripMetaManager,
 * k8s.io/apimachinery/pkg/util/managedfields/internal/stripmeta.go).
 *
 * <p>Upstream: {@code TypedValue.ToFieldSet} and {@code Compare} in
 * sigs.k8s.io/structured-merge-diff/typed (tofieldset.go, compare.go).
 */
public final class ObjectFields {

  private static final Set<String> UNMANAGED_METADATA = Set.of("name", "namespace", "uid",
      "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
      "deletionTimestamp", "deletionGracePeriodSeconds");

  /** The value recorded for a list item: its presence is what is owned. */
  private static final JsonNode ITEM = JsonNodeFactory.instance.objectNode();

  private final Map<List<String>, JsonNode> values;

  private ObjectFields(Map<List<String>, JsonNode> values) {
    this.values = values;
  }

  /** The fields of {@code object} (an empty object for null). */
  public static ObjectFields of(PatchSchema schema, JsonNode object) {
    Map<List<String>, JsonNode> values = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        String name = member.getKey();
        if (name.equals("apiVersion") || name.equals("kind")) {
          continue;
        }
        JsonNode value = member.getValue();
        if (name.equals("metadata") && value.isObject()) {
          ObjectNode metadata = ((ObjectNode) value).deepCopy();
          metadata.remove(UNMANAGED_METADATA);
          value = metadata;
          if (metadata.isEmpty()) {
            continue;
          }
        }
        walk(List.of("f:" + name), value, schema.field(name), values);
      }
    }
    return new ObjectFields(values);
  }

  /** Records the fields of {@code value}, found at {@code path} and described by {@code field}. */
  static void walk(List<String> path, JsonNode value, Field field,
      Map<List<String>, JsonNode> out) {
    // BEGIN EXERCISE 2.8 — the fields of a value: leaves, atomic values, list items by key
    throw new UnsupportedOperationException("TODO exercise 2.8: the fields of a value: leaves, atomic values, list items by key");
    // END EXERCISE 2.8
  }

  /**
   * The token of a keyed list's item: {@code k:} and the key fields it has, in name order, as
   * JSON ({@code k:{"containerPort":80,"protocol":"TCP"}}); {@code i:<index>} if it has none.
   */
  static String itemToken(JsonNode item, List<String> keys, int index) {
    TreeMap<String, JsonNode> key = new TreeMap<>();
    for (String name : keys) {
      if (item.has(name)) {
        key.put(name, item.get(name));
      }
    }
    if (key.isEmpty()) {
      return "i:" + index;
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    key.forEach(json::set);
    return "k:" + json;
  }

  private static List<String> append(List<String> path, String token) {
    List<String> longer = new ArrayList<>(path);
    longer.add(token);
    return longer;
  }

  public FieldSet set() {
    return new FieldSet(values.keySet());
  }

  /** The value at {@code path}, or null if the object does not set it. */
  public JsonNode get(List<String> path) {
    return values.get(path);
  }

  /**
   * What changed from this object to {@code after}: fields {@code after} has and this one lacks
   * (added), has with another value (modified), and lacks (removed).
   */
  public Comparison compareTo(ObjectFields after) {
    List<List<String>> added = new ArrayList<>();
    List<List<String>> modified = new ArrayList<>();
    List<List<String>> removed = new ArrayList<>();
    after.values.forEach((path, value) -> {
      JsonNode before = values.get(path);
      if (before == null) {
        added.add(path);
      } else if (!JsonValues.sameValue(before, value)) {
        modified.add(path);
      }
    });
    values.keySet().stream().filter(p -> !after.values.containsKey(p)).forEach(removed::add);
    return new Comparison(new FieldSet(added), new FieldSet(modified), new FieldSet(removed));
  }

  /** The result of {@link #compareTo}. */
  public record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {

    /** Added or modified: the fields whose value the change set. */
    public FieldSet changed() {
      return added.union(modified);
    }
  }
}
