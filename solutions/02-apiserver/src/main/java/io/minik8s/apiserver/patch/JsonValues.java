package io.minik8s.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Equality of JSON values as JSON means it: {@code 1}, {@code 1.0} and {@code 1e0} are equal. */
public final class JsonValues {

  private JsonValues() {}

  // Jackson's IntNode(1), LongNode(1) and DoubleNode(1.0) are not equal(); the JSON number is.
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  /** True if {@code a} and {@code b} are the same JSON value (object member order ignored). */
  public static boolean same(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }
}
