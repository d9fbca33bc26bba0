package io.minik8s.objects.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A value that is either an integer or a string, as in a Service's {@code targetPort} ({@code
 * 8080} or {@code "http"}, a named container port) or a Deployment's {@code maxSurge} ({@code 1}
 * or {@code "25%"}). On the wire it is a bare JSON number or string; this class keeps which one it
 * was so a round trip writes it back the same way.
 *
 * <p>Upstream: {@code intstr.IntOrString} in k8s.io/apimachinery/pkg/util/intstr/intstr.go.
 */
public final class IntOrString {

  // Exactly one of the two is non-null.
  private final Integer intValue;
  private final String stringValue;

  private IntOrString(Integer intValue, String stringValue) {
    this.intValue = intValue;
    this.stringValue = stringValue;
  }

  /** The integer form, e.g. port {@code 8080} or {@code maxUnavailable: 1}. */
  public static IntOrString of(int value) {
    return new IntOrString(value, null);
  }

  /** The string form, e.g. a port name {@code "http"} or a percentage {@code "25%"}. */
  public static IntOrString of(String value) {
    return new IntOrString(null, Objects.requireNonNull(value, "value"));
  }

  /**
   * Reads the JSON form: an integer number or a string.
   *
   * @throws IllegalArgumentException for any other JSON value
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static IntOrString fromJson(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return of(node.intValue());
    }
    if (node.isTextual()) {
      return of(node.textValue());
    }
    throw new IllegalArgumentException(
        "an int-or-string must be an integer or a string, got " + node);
  }

  /** The JSON form: an {@link Integer} or a {@link String}. */
  @JsonValue
  public Object jsonValue() {
    return isInt() ? intValue : stringValue;
  }

  public boolean isInt() {
    return intValue != null;
  }

  /**
   * The integer value.
   *
   * @throws IllegalStateException if this is the string form
   */
  public int intValue() {
    if (intValue == null) {
      throw new IllegalStateException("\"" + stringValue + "\" is a string, not an integer");
    }
    return intValue;
  }

  /**
   * The string value.
   *
   * @throws IllegalStateException if this is the integer form
   */
  public String stringValue() {
    if (stringValue == null) {
      throw new IllegalStateException(intValue + " is an integer, not a string");
    }
    return stringValue;
  }

  /**
   * Resolves an absolute-or-percentage value against {@code total}: an integer is returned as
   * is; {@code "25%"} of 10 is 2.5, rounded up to 3 when {@code roundUp} (how a Deployment
   * computes {@code maxSurge}) or down to 2 otherwise (how it computes {@code maxUnavailable}).
   *
   * <p>Upstream: {@code intstr.GetScaledValueFromIntOrPercent}.
   *
   * @throws IllegalArgumentException if this is a string that is not an integer followed by
   *     {@code %}, e.g. {@code "http"} or {@code "x%"}
   */
  public int scaledValue(int total, boolean roundUp) {
    // BEGIN EXERCISE 0.3 — scale an int-or-percent value against a total, rounding as asked
    throw new UnsupportedOperationException("TODO exercise 0.3: scale an int-or-percent value against a total, rounding as asked");
    // END EXERCISE 0.3
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntOrString other
        && Objects.equals(intValue, other.intValue)
        && Objects.equals(stringValue, other.stringValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(intValue, stringValue);
  }

  /** {@code 8080} or {@code http}: the value as a user would write it. */
  @Override
  public String toString() {
    return isInt() ? intValue.toString() : stringValue;
  }
}
