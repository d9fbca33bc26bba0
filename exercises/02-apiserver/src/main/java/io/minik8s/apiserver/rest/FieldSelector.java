package io.minik8s.apiserver.rest;

import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed field selector such as {@code spec.nodeName=n1,status.phase!=Failed}: terms that
 * must all hold. Unlike a label selector there are only three operators ({@code =}, {@code ==},
 * {@code !=}) and only the fields a resource declares may be used ({@link FieldLabels}); a field
 * that is absent reads as the empty string, so {@code spec.nodeName=} selects unscheduled pods.
 *
 * <p>A value may contain {@code ,}, {@code =} and {@code !} when escaped with a backslash
 * ({@code \,}); a backslash itself is {@code \\}.
 *
 * <p>Upstream: {@code fields.ParseSelector} in k8s.io/apimachinery/pkg/fields/selector.go, and
 * each registry's {@code GetAttrs} / {@code AddFieldLabelConversionFunc} for the allowed fields.
 */
public final class FieldSelector {

  /** One {@code field op value} term. */
  public record Term(String field, boolean equals, String value) {

    @Override
    public String toString() {
      return field + (equals ? "=" : "!=") + value;
    }
  }

  /** Tried in this order at each position (upstream's {@code termOperators}). */
  private static final List<String> OPERATORS = List.of("!=", "==", "=");

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses a field selector and checks every field against those {@code allowed}.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest: {@code invalid selector:
   *     'x'; can't understand 'x'} for a term without operator, {@code field label not
   *     supported: x} for a field not in {@code allowed}
   */
  public static FieldSelector parse(String input, Set<String> allowed) {
    // BEGIN EXERCISE 2.2 — parse a field selector: terms split on unescaped commas, = == !=
    throw new UnsupportedOperationException("TODO exercise 2.2: parse a field selector: terms split on unescaped commas, = == !=");
    // END EXERCISE 2.2
  }

  /** Whether every term holds for the object; a field's value comes from {@link FieldLabels#value}. */
  public boolean matches(Unstructured object) {
    // BEGIN EXERCISE 2.2 — match a field selector against an object's field values
    throw new UnsupportedOperationException("TODO exercise 2.2: match a field selector against an object's field values");
    // END EXERCISE 2.2
  }

  public List<Term> terms() {
    return terms;
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  @Override
  public String toString() {
    return terms.stream().map(Term::toString).collect(Collectors.joining(","));
  }

  /** The terms of {@code input}: split at every comma not preceded by a backslash. */
  static List<String> splitUnescaped(String input) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '\\' && i + 1 < input.length()) {
        current.append(c).append(input.charAt(++i)); // keep escapes for the operator search
      } else if (c == ',') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  /** Removes the backslashes of {@code \,}, {@code \=}, {@code \!} and {@code \\}. */
  static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        c = value.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
