package io.minik8s.store.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.store.api.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing protobuf messages as grpc-gateway's JSON (jsonpb) does:
 *
 * <ul>
 *   <li>int64 fields are written as strings ({@code "revision":"42"}) and read from a number or a
 *       string holding one;
 *   <li>bytes fields are standard base64;
 *   <li>fields at their default value (0, false, empty, absent message) are not written, and
 *       absent or {@code null} fields read as the default;
 *   <li>a field is read under its proto name ({@code range_end}) or its JSON name
 *       ({@code rangeEnd}); unknown fields are refused before decoding ({@link RequestSchema}), where
 *       etcd 3.4's gateway ignores them;
 *   <li>a value of the wrong JSON type fails with Go's message, which etcd returns as is.
 * </ul>
 */
public final class JsonFields {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private JsonFields() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The field under its proto name or its lowerCamel JSON name; null when absent or JSON null. */
  public static JsonNode field(JsonNode message, String protoName) {
    JsonNode v = message.get(protoName);
    if (v == null) {
      v = message.get(jsonName(protoName));
    }
    return v == null || v.isNull() ? null : v;
  }

  public static long int64(JsonNode message, String name) {
    JsonNode v = field(message, name);
    if (v == null) {
      return 0;
    }
    if (v.isTextual()) {
      // jsonpb unquotes an int64 string and decodes its content as a JSON number
      byte[] inner = v.asText().getBytes(StandardCharsets.UTF_8);
      if (inner.length == 0) {
        throw GoJsonSyntax.invalid("unexpected end of JSON input");
      }
      int end = GoJsonSyntax.checkFirstValue(inner);
      if (end != inner.length) {
        throw GoJsonSyntax.invalid("invalid character " + GoJsonSyntax.quoteChar(inner[Math.max(end, 0)] & 0xff)
            + " after top-level value");
      }
      String text = v.asText().strip();
      if (text.equals("null")) {
        return 0;
      }
      if (!(text.charAt(0) == '-' || Character.isDigit(text.charAt(0)))) {
        throw GoJsonSyntax.typeError(typeName(text.charAt(0)), "int64");
      }
      return toInt64(text);
    }
    if (v.isNumber()) {
      return toInt64(v.asText());
    }
    throw GoJsonSyntax.typeError(typeName(v), "int64");
  }

  /**
   * A uint64 field (etcd's cluster and member ids, raft terms and indexes): read into a long with
   * the same bits, so ids above {@code Long.MAX_VALUE} come back negative; write with
   * {@link #putUint64}.
   */
  public static long uint64(JsonNode message, String name) {
    JsonNode v = field(message, name);
    if (v == null) {
      return 0;
    }
    if ((v.isTextual() || v.isIntegralNumber()) && v.asText().strip().matches("[0-9]{1,20}")) {
      BigInteger n = new BigInteger(v.asText().strip());
      if (n.bitLength() <= 64) {
        return n.longValue();
      }
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw GoJsonSyntax.typeError(typeName(v), "uint64");
    }
    throw GoJsonSyntax.typeError("number " + v.asText(), "uint64");
  }

  private static long toInt64(String number) {
    try {
      BigInteger n = new BigInteger(number);
      if (n.compareTo(MIN_LONG) >= 0 && n.compareTo(MAX_LONG) <= 0) {
        return n.longValue();
      }
    } catch (NumberFormatException fraction) {
      // 1.5 or 1e3: not an int64 in Go either
    }
    throw GoJsonSyntax.typeError("number " + number, "int64");
  }

  public static boolean bool(JsonNode message, String name) {
    JsonNode v = field(message, name);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw GoJsonSyntax.typeError(typeName(v), "bool");
    }
    return v.booleanValue();
  }

  public static Bytes bytes(JsonNode message, String name) {
    JsonNode v = field(message, name);
    if (v == null) {
      return Bytes.EMPTY;
    }
    if (!v.isTextual()) {
      throw GoJsonSyntax.typeError(typeName(v), "[]uint8");
    }
    return GoBase64.decode(v.asText());
  }

  /** A nested message: an object, or an empty one when absent. */
  public static JsonNode message(JsonNode message, String name) {
    JsonNode v = field(message, name);
    if (v == null) {
      return object();
    }
    requireObject(v);
    return v;
  }

  public static void requireObject(JsonNode v) {
    if (!v.isObject()) {
      throw GoJsonSyntax.typeError(typeName(v), "map[string]json.RawMessage");
    }
  }

  /** A repeated field: its elements, none when absent. */
  public static List<JsonNode> repeated(JsonNode message, String name) {
    JsonNode v = field(message, name);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw GoJsonSyntax.typeError(typeName(v), "[]json.RawMessage");
    }
    return toList((ArrayNode) v);
  }

  private static List<JsonNode> toList(ArrayNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  /**
   * A proto enum, by name or number; {@code protoType} names it in the error as Go does, e.g.
   * {@code unknown value "BOGUS" for enum etcdserverpb.Compare_CompareTarget}.
   */
  public static <E extends Enum<E>> E enumValue(JsonNode message, String name, Class<E> type, String protoType) {
    E[] values = type.getEnumConstants();
    JsonNode v = field(message, name);
    if (v == null) {
      return values[0];
    }
    if (v.isTextual()) {
      for (E e : values) {
        if (e.name().equals(v.asText())) {
          return e;
        }
      }
    } else if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0 && v.intValue() < values.length) {
      return values[v.intValue()];
    } else if (!v.isNumber()) {
      throw GoJsonSyntax.typeError(typeName(v), "int32");
    }
    throw GoJsonSyntax.invalid("unknown value " + v + " for enum " + protoType);
  }

  static String typeName(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    return v.isArray() ? "array" : "object";
  }

  private static String typeName(char first) {
    return switch (first) {
      case '"' -> "string";
      case 't', 'f' -> "bool";
      case '[' -> "array";
      case 'n' -> "null";
      default -> "object";
    };
  }

  /** proto field name to its JSON name, as protoc derives it: {@code range_end} → {@code rangeEnd}. */
  static String jsonName(String protoName) {
    StringBuilder sb = new StringBuilder(protoName.length());
    boolean upper = false;
    for (char c : protoName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  // ---- writing (defaults omitted) ------------------------------------------------------------

  public static void putInt64(ObjectNode message, String name, long value) {
    if (value != 0) {
      message.put(name, Long.toString(value));
    }
  }

  /** A uint64 field held in a long's bits (see {@link #uint64}). */
  public static void putUint64(ObjectNode message, String name, long value) {
    if (value != 0) {
      message.put(name, Long.toUnsignedString(value));
    }
  }

  public static void putBool(ObjectNode message, String name, boolean value) {
    if (value) {
      message.put(name, true);
    }
  }

  public static void putBytes(ObjectNode message, String name, Bytes value) {
    if (!value.isEmpty()) {
      message.put(name, value.toBase64());
    }
  }

  public static void putString(ObjectNode message, String name, String value) {
    if (value != null && !value.isEmpty()) {
      message.put(name, value);
    }
  }
}
