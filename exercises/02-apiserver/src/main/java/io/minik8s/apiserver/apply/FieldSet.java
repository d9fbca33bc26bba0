package io.minik8s.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of field paths: what one manager owns. A path is a list of tokens in upstream's
 * FieldsV1 spelling: {@code f:spec} (a member), {@code k:{"name":"web"}} (the item of a keyed
 * list), {@code v:"a"} (a value of a set list), {@code i:0} (an index).
 *
 * <p>Encoded as FieldsV1, the set is a tree whose leaves are {@code {}} and where {@code "."}
 * marks a node that is itself a member, not only a prefix of members (a list item):
 *
 * <pre>
 * {"f:metadata":{"f:labels":{"f:app":{}}},
 *  "f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{}}}}}
 * </pre>
 *
 * <p>Immutable. Upstream: {@code fieldpath.Set} and its FieldsV1 serialisation in
 * sigs.k8s.io/structured-merge-diff/fieldpath (set.go, serialize.go, element.go).
 */
public final class FieldSet {

  /** Orders paths token by token, a prefix first: the order upstream prints them in. */
  private static final Comparator<List<String>> ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  public static final FieldSet EMPTY = new FieldSet(List.of());

  private final TreeSet<List<String>> paths = new TreeSet<>(ORDER);

  public FieldSet(Collection<List<String>> paths) {
    paths.forEach(p -> this.paths.add(List.copyOf(p)));
  }

  public Set<List<String>> paths() {
    return java.util.Collections.unmodifiableSet(paths);
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  public boolean contains(List<String> path) {
    return paths.contains(path);
  }

  public FieldSet union(FieldSet other) {
    List<List<String>> all = new ArrayList<>(paths);
    all.addAll(other.paths);
    return new FieldSet(all);
  }

  public FieldSet minus(FieldSet other) {
    return new FieldSet(paths.stream().filter(p -> !other.paths.contains(p)).toList());
  }

  public FieldSet intersect(FieldSet other) {
    return new FieldSet(paths.stream().filter(other.paths::contains).toList());
  }

  /** The FieldsV1 tree of this set, members in path order, {@code "."} first. */
  public ObjectNode toFieldsV1() {
    return build(List.of());
  }

  private ObjectNode build(List<String> prefix) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    List<String> children = new ArrayList<>();
    for (List<String> path : paths.tailSet(prefix, true)) {
      if (path.size() < prefix.size() || !path.subList(0, prefix.size()).equals(prefix)) {
        break;
      }
      if (path.size() > prefix.size()) {
        String token = path.get(prefix.size());
        if (children.isEmpty() || !children.get(children.size() - 1).equals(token)) {
          children.add(token);
        }
      }
    }
    if (!prefix.isEmpty() && !children.isEmpty() && paths.contains(prefix)) {
      node.putObject(".");
    }
    for (String token : children) {
      List<String> child = new ArrayList<>(prefix);
      child.add(token);
      node.set(token, build(child));
    }
    return node;
  }

  /** Decodes a FieldsV1 tree; anything that is not an object reads as the empty set. */
  public static FieldSet fromFieldsV1(JsonNode fieldsV1) {
    List<List<String>> paths = new ArrayList<>();
    if (fieldsV1 != null && fieldsV1.isObject()) {
      collect(fieldsV1, new ArrayList<>(), paths);
    }
    return new FieldSet(paths);
  }

  private static void collect(JsonNode node, List<String> path, List<List<String>> out) {
    for (Map.Entry<String, JsonNode> child : node.properties()) {
      if (child.getKey().equals(".")) {
        out.add(List.copyOf(path));
        continue;
      }
      List<String> childPath = new ArrayList<>(path);
      childPath.add(child.getKey());
      if (!child.getValue().isObject() || child.getValue().isEmpty()) {
        out.add(childPath);
      } else {
        collect(child.getValue(), childPath, out);
      }
    }
  }

  /**
   * A path as upstream prints it in conflict messages: {@code .spec.replicas},
   * {@code .spec.containers[name="web"].image}, {@code .metadata.finalizers[="a"]}.
   */
  public static String display(List<String> path) {
    StringBuilder text = new StringBuilder();
    for (String token : path) {
      String body = token.substring(2);
      switch (token.substring(0, 2)) {
        case "f:" -> text.append('.').append(body);
        case "v:" -> text.append("[=").append(body).append(']');
        case "i:" -> text.append('[').append(body).append(']');
        default -> text.append('[').append(keyDisplay(body)).append(']');
      }
    }
    return text.toString();
  }

  /** {@code {"containerPort":80,"protocol":"TCP"}} → {@code containerPort=80,protocol="TCP"}. */
  private static String keyDisplay(String json) {
    try {
      JsonNode key = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      List<String> parts = new ArrayList<>();
      key.properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().toString()));
      return String.join(",", parts);
    } catch (Exception e) {
      return json;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet other && paths.equals(other.paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    return paths.stream().map(FieldSet::display).toList().toString();
  }
}
