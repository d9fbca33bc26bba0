package io.minik8s.apiserver.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API object as the server handles it: its JSON tree, whatever its kind. The registry, the
 * watch cache, patches and admission all work on this one shape, so a field the server does not
 * know survives every path through it (a typed record is built only where a rule needs one, e.g.
 * validation).
 *
 * <p>The accessors read and write {@code metadata} the way upstream's {@code meta.Accessor}
 * does: an absent field reads as empty ({@code ""}, {@code 0}, an empty map), and setting an
 * empty value removes the field, so stored JSON stays as small as kubectl prints it.
 *
 * <p>Instances are mutable and not thread-safe; {@link #deepCopy} before handing one to another
 * thread or keeping it in a cache.
 *
 * <p>Upstream: {@code unstructured.Unstructured} in
 * k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/unstructured.go.
 */
public final class Unstructured {

  private final ObjectNode json;

  private Unstructured(ObjectNode json) {
    this.json = json;
  }

  /** Wraps {@code json} (not copied); an object without {@code metadata} gets an empty one. */
  public static Unstructured of(ObjectNode json) {
    if (!json.path("metadata").isObject()) {
      json.putObject("metadata");
    }
    return new Unstructured(json);
  }

  /** An empty object of this apiVersion and kind. */
  public static Unstructured of(String apiVersion, String kind) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("apiVersion", apiVersion);
    json.put("kind", kind);
    return of(json);
  }

  /** The whole object; changes to it change this object. */
  public ObjectNode json() {
    return json;
  }

  public Unstructured deepCopy() {
    return new Unstructured(json.deepCopy());
  }

  public ObjectNode metadata() {
    return (ObjectNode) json.get("metadata");
  }

  public String apiVersion() {
    return json.path("apiVersion").asText("");
  }

  public String kind() {
    return json.path("kind").asText("");
  }

  public String name() {
    return text("name");
  }

  public void setName(String name) {
    setText("name", name);
  }

  public String generateName() {
    return text("generateName");
  }

  public String namespace() {
    return text("namespace");
  }

  public void setNamespace(String namespace) {
    setText("namespace", namespace);
  }

  public String uid() {
    return text("uid");
  }

  public void setUid(String uid) {
    setText("uid", uid);
  }

  public String resourceVersion() {
    return text("resourceVersion");
  }

  public void setResourceVersion(String resourceVersion) {
    setText("resourceVersion", resourceVersion);
  }

  public String creationTimestamp() {
    return text("creationTimestamp");
  }

  public void setCreationTimestamp(String timestamp) {
    setText("creationTimestamp", timestamp);
  }

  public String deletionTimestamp() {
    return text("deletionTimestamp");
  }

  public void setDeletionTimestamp(String timestamp) {
    setText("deletionTimestamp", timestamp);
  }

  /** {@code metadata.generation}, 0 when absent. */
  public long generation() {
    return metadata().path("generation").asLong(0);
  }

  public void setGeneration(long generation) {
    if (generation == 0) {
      metadata().remove("generation");
    } else {
      metadata().put("generation", generation);
    }
  }

  public Map<String, String> labels() {
    return stringMap("labels");
  }

  public Map<String, String> annotations() {
    return stringMap("annotations");
  }

  public void setLabels(Map<String, String> labels) {
    setStringMap("labels", labels);
  }

  public void setAnnotations(Map<String, String> annotations) {
    setStringMap("annotations", annotations);
  }

  public List<String> finalizers() {
    List<String> finalizers = new ArrayList<>();
    metadata().path("finalizers").forEach(f -> finalizers.add(f.asText()));
    return finalizers;
  }

  public void setFinalizers(List<String> finalizers) {
    if (finalizers.isEmpty()) {
      metadata().remove("finalizers");
    } else {
      metadata().putArray("finalizers").addAll(finalizers.stream()
          .map(JsonNodeFactory.instance::textNode).toList());
    }
  }

  /** The field at a dotted path of object keys ({@code "spec.nodeName"}); missing if absent. */
  public JsonNode at(String dottedPath) {
    JsonNode node = json;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private String text(String field) {
    return metadata().path(field).asText("");
  }

  private void setText(String field, String value) {
    if (value == null || value.isEmpty()) {
      metadata().remove(field);
    } else {
      metadata().put(field, value);
    }
  }

  private Map<String, String> stringMap(String field) {
    Map<String, String> map = new LinkedHashMap<>();
    metadata().path(field).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private void setStringMap(String field, Map<String, String> map) {
    if (map.isEmpty()) {
      metadata().remove(field);
    } else {
      ObjectNode node = metadata().putObject(field);
      map.forEach(node::put);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Unstructured other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
