package io.minik8s.objects.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Equality of JSON values as JSON means it, not as Jackson's node classes do. */
public final class JsonValues {

  private JsonValues() {}

  /*
   * Jackson says IntNode(1) != LongNode(1) != DoubleNode(1.0), although all three are the JSON
   * number 1 (which node you get depends on how the text was parsed). Upstream compares decoded
   * float64s, so 1 and 1.0 are the same there too.
   */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  /** True if {@code a} and {@code b} are the same JSON value; numbers compare by value. */
  public static boolean sameValue(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }
}
