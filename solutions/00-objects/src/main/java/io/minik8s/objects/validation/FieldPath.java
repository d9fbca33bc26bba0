package io.minik8s.objects.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The path from an object's root to one field, as validation errors report it: {@code
 * spec.containers[0].image}, {@code metadata.labels[app]}. Immutable; each step returns a new
 * path sharing its parent.
 *
 * <pre>{@code
 * FieldPath.of("spec").child("containers").index(0).child("image")   // spec.containers[0].image
 * FieldPath.of("metadata", "labels").key("app")                    // metadata.labels[app]
 * }</pre>
 *
 * <p>Upstream: {@code field.Path} in k8s.io/apimachinery/pkg/util/validation/field/path.go.
 */
public final class FieldPath {

  /** The field name, or null when this element is a subscript. */
  private final String name;

  /** The subscript (a list index or a map key) when {@code name} is null. */
  private final String index;

  /** The previous element, or null for the root. */
  private final FieldPath parent;

  private FieldPath(String name, String index, FieldPath parent) {
    this.name = name;
    this.index = index;
    this.parent = parent;
  }

  /** A root path: {@code of("spec")}, or several names at once: {@code of("spec", "template")}. */
  public static FieldPath of(String name, String... moreNames) {
    FieldPath path = new FieldPath(name, null, null);
    for (String more : moreNames) {
      path = new FieldPath(more, null, path);
    }
    return path;
  }

  /** This path followed by one or more field names. */
  public FieldPath child(String name, String... moreNames) {
    FieldPath path = new FieldPath(name, null, this);
    for (String more : moreNames) {
      path = new FieldPath(more, null, path);
    }
    return path;
  }

  /** This path subscripted by a list index: {@code containers[0]}. */
  public FieldPath index(int index) {
    return new FieldPath(null, Integer.toString(index), this);
  }

  /** This path subscripted by a map key: {@code labels[app]}. */
  public FieldPath key(String key) {
    return new FieldPath(null, key, this);
  }

  /**
   * The path as Kubernetes prints it: names joined by {@code .}, subscripts in brackets with no
   * dot before them: {@code spec.containers[0].ports[1].containerPort}.
   */
  @Override
  public String toString() {
    // BEGIN EXERCISE 0.4 — render the path: names joined by dots, subscripts in brackets
    Deque<FieldPath> elements = new ArrayDeque<>();
    for (FieldPath p = this; p != null; p = p.parent) {
      elements.push(p); // the root ends up first
    }
    StringBuilder out = new StringBuilder();
    for (FieldPath p : elements) {
      if (p.name != null) {
        if (p.parent != null) {
          out.append('.');
        }
        out.append(p.name);
      } else {
        out.append('[').append(p.index).append(']');
      }
    }
    return out.toString();
    // END EXERCISE 0.4
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other
        && Objects.equals(name, other.name)
        && Objects.equals(index, other.index)
        && Objects.equals(parent, other.parent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, index, parent);
  }
}
