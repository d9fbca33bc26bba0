package io.minik8s.objects.labels;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One condition of a selector: a label key, an {@link Operator} and values. A selector matches a
 * label set when all its requirements do.
 *
 * <p>The constructor enforces upstream's rules ({@code labels.NewRequirement}): the key is a valid
 * label key; {@code in}/{@code notin} need at least one value; {@code =}, {@code ==}, {@code !=}
 * exactly one; exists/does-not-exist none; {@code >}/{@code <} exactly one integer; every value is
 * a valid label value (the empty string is). Values are kept in the order given.
 *
 * The constructor throws {@link IllegalArgumentException}, naming the key, when a rule is broken.
 *
 * <p>Upstream: {@code labels.Requirement} in k8s.io/apimachinery/pkg/labels/selector.go.
 */
public record Requirement(String key, Operator operator, List<String> values) {

  public Requirement {
    if (key == null) {
      throw new IllegalArgumentException("a requirement needs a label key, got none");
    }
    Objects.requireNonNull(operator, "operator");
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    List<String> keyErrors = LabelSyntax.keyErrors(key);
    if (!keyErrors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid label key \"" + key + "\": " + String.join("; ", keyErrors));
    }
    String arity =
        switch (operator) {
          case IN, NOT_IN -> values.isEmpty() ? "needs at least one value" : null;
          case EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN ->
              values.size() != 1 ? "needs exactly one value" : null;
          case EXISTS, DOES_NOT_EXIST -> values.isEmpty() ? null : "takes no values";
        };
    if (arity != null) {
      throw new IllegalArgumentException(
          "requirement on \"" + key + "\" with operator " + operator + " " + arity + ", got " + values);
    }
    for (String value : values) {
      List<String> valueErrors = LabelSyntax.valueErrors(value);
      if (!valueErrors.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid label value \"" + value + "\" for key \"" + key + "\": "
                + String.join("; ", valueErrors));
      }
    }
    if ((operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN)
        && parseInteger(values.get(0)) == null) {
      throw new IllegalArgumentException(
          "requirement on \"" + key + "\" with operator " + operator
              + " needs an integer value, got \"" + values.get(0) + "\"");
    }
  }

  /**
   * Whether {@code labels} satisfy this requirement.
   *
   * <ul>
   *   <li>{@code in}, {@code =}, {@code ==}: the key is present and its value is among the values.
   *   <li>{@code notin}, {@code !=}: the key is absent, or its value is not among the values.
   *   <li>exists / does not exist: the key is present / absent.
   *   <li>{@code >}, {@code <}: the key is present, its value is an integer, and it is greater /
   *       smaller than the requirement's value. A non-integer label value never matches.
   * </ul>
   */
  public boolean matches(Map<String, String> labels) {
    // BEGIN EXERCISE 0.2 — decide whether one requirement matches a label set
    boolean present = labels.containsKey(key);
    String value = labels.get(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> present && values.contains(value);
      // A missing label is "not in" every set: notin selects objects without the label too.
      case NOT_IN, NOT_EQUALS -> !present || !values.contains(value);
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case GREATER_THAN, LESS_THAN -> {
        Long actual = present ? parseInteger(value) : null;
        if (actual == null) {
          yield false;
        }
        long bound = parseInteger(values.get(0));
        yield operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
      }
    };
    // END EXERCISE 0.2
  }

  /**
   * The requirement as upstream prints it: {@code app=web}, {@code app==web}, {@code tier!=db},
   * {@code canary}, {@code !canary}, {@code env in (prod,qa)}, {@code env notin (qa)},
   * {@code replicas>2}, {@code replicas<2}. Set values are printed sorted and comma-separated,
   * without spaces, whatever their order in {@link #values()}.
   */
  @Override
  public String toString() {
    // BEGIN EXERCISE 0.2 — print a requirement in upstream's canonical form
    StringBuilder sb = new StringBuilder();
    if (operator == Operator.DOES_NOT_EXIST) {
      sb.append('!');
    }
    sb.append(key);
    String symbol =
        switch (operator) {
          case EXISTS, DOES_NOT_EXIST -> null;
          case EQUALS -> "=";
          case DOUBLE_EQUALS -> "==";
          case NOT_EQUALS -> "!=";
          case GREATER_THAN -> ">";
          case LESS_THAN -> "<";
          case IN -> " in ";
          case NOT_IN -> " notin ";
        };
    if (symbol == null) {
      return sb.toString();
    }
    sb.append(symbol);
    // Sorting makes the string deterministic, so it can be compared and cached.
    String joined = String.join(",", values.stream().sorted().toList());
    boolean isSet = operator == Operator.IN || operator == Operator.NOT_IN;
    sb.append(isSet ? "(" + joined + ")" : joined);
    return sb.toString();
    // END EXERCISE 0.2
  }

  /** The value as a long, or null if it is not a decimal integer. */
  static Long parseInteger(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException notAnInteger) {
      return null;
    }
  }
}
