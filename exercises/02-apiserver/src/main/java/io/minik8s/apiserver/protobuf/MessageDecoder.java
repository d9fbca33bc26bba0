package io.minik8s.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.minik8s.apiserver.protobuf.ProtoSchema.Field;
import io.minik8s.apiserver.protobuf.ProtoSchema.Message;
import io.minik8s.apiserver.protobuf.ProtoSchema.Rendering;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Turns one protobuf message into the JSON tree Kubernetes' Go JSON encoding would produce for
 * the same object, so the rest of the server never knows the body came as protobuf.
 *
 * <p>Two things make this more than a field-by-field copy. First, a few types have a custom JSON
 * form (Time, Quantity, IntOrString, RawExtension...): {@link #special}. Second, Kubernetes'
 * generated (gogo) marshallers write every non-pointer field, zero or not, where Go's JSON would
 * omit zero values tagged {@code omitempty}: {@link Rendering} says which to drop.
 */
final class MessageDecoder {

  /** Messages nest deeper than this only in an attack (upstream JSON decoding caps depth too). */
  static final int MAX_DEPTH = 100;

  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssX").withZone(ZoneOffset.UTC);

  private final ProtoSchema schema;

  MessageDecoder(ProtoSchema schema) {
    this.schema = schema;
  }

  /**
   * Decodes a message of the given type. Returns an ObjectNode for ordinary messages, or the
   * special JSON form (a string, number, array...) for the types that have one; null when Go's
   * JSON would render nothing (a zero Time, an empty RawExtension).
   */
  JsonNode decode(String type, WireReader in, int depth) {
    if (depth > MAX_DEPTH) {
      throw WireReader.malformed("messages are nested more than " + MAX_DEPTH + " levels deep");
    }
    Message message = schema.message(type);
    if (message == null) {
      throw WireReader.malformed("no protobuf schema for message " + type);
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    while (!in.atEnd()) {
      int tag = in.readTag();
      int wireType = tag & 7;
      Field field = message.fields().get(tag >>> 3);
      if (field == null) {
        in.skip(wireType);
        continue;
      }
      if (field.map()) {
        readMapEntry(field, expect(field, wireType, WireReader.LENGTH_DELIMITED, in), object,
            depth);
      } else if (field.repeated()) {
        ArrayNode array = object.has(field.name()) && object.get(field.name()).isArray()
            ? (ArrayNode) object.get(field.name()) : object.putArray(field.name());
        if (wireType == WireReader.LENGTH_DELIMITED && isPackable(field.type())) {
          WireReader packed = in.readDelimited(); // proto3-style packed scalars: accept them too
          while (!packed.atEnd()) {
            array.add(value(field, wireTypeOf(field.type()), packed, depth));
          }
        } else {
          JsonNode item = value(field, wireType, in, depth);
          array.add(item == null ? JsonNodeFactory.instance.nullNode() : item);
        }
      } else {
        JsonNode value = value(field, wireType, in, depth);
        if (field.rendering() == Rendering.INLINE && value instanceof ObjectNode inline) {
          object.setAll(inline);
        } else if (value == null
            || field.rendering() == Rendering.OMIT_ZERO && isZeroScalar(value)) {
          object.remove(field.name());
        } else {
          object.set(field.name(), value);
        }
      }
    }
    return special(type, object, depth);
  }

  private void readMapEntry(Field field, WireReader entry, ObjectNode object, int depth) {
    String key = "";
    JsonNode value = null;
    while (!entry.atEnd()) {
      int tag = entry.readTag();
      int wireType = tag & 7;
      switch (tag >>> 3) {
        case 1 -> key = text(expect(field, wireType, WireReader.LENGTH_DELIMITED, entry));
        case 2 -> value = value(field, wireType, entry, depth);
        default -> entry.skip(wireType);
      }
    }
    ObjectNode map = object.has(field.name()) && object.get(field.name()).isObject()
        ? (ObjectNode) object.get(field.name()) : object.putObject(field.name());
    map.set(key, value != null ? value : zeroOf(field.type()));
  }

  /** One value of {@code field}'s type, read from {@code in}. */
  private JsonNode value(Field field, int wireType, WireReader in, int depth) {
    String type = field.type();
    switch (type) {
      case "string":
        return new TextNode(text(expect(field, wireType, WireReader.LENGTH_DELIMITED, in)));
      case "bytes":
        return new TextNode(Base64.getEncoder().encodeToString(
            expect(field, wireType, WireReader.LENGTH_DELIMITED, in).remaining()));
      case "bool":
        return BooleanNode.valueOf(varint(field, wireType, in) != 0);
      case "int32":
        return IntNode.valueOf((int) varint(field, wireType, in));
      case "int64":
        return number(varint(field, wireType, in));
      case "uint32":
        return number(varint(field, wireType, in) & 0xFFFFFFFFL);
      case "uint64":
        long u = varint(field, wireType, in);
        return u >= 0 ? number(u) : JsonNodeFactory.instance.numberNode(
            new BigInteger(Long.toUnsignedString(u)));
      case "double":
        checkWireType(field, wireType, WireReader.FIXED64);
        return DoubleNode.valueOf(Double.longBitsToDouble(in.readFixed64()));
      case "float":
        checkWireType(field, wireType, WireReader.FIXED32);
        return DoubleNode.valueOf(Float.intBitsToFloat(in.readFixed32()));
      default:
        return decode(type, expect(field, wireType, WireReader.LENGTH_DELIMITED, in), depth + 1);
    }
  }

  /**
   * The JSON form of the types whose Go JSON is not a plain object. Upstream: the MarshalJSON
   * methods of metav1.Time (time.go), metav1.MicroTime (micro_time.go), metav1.Duration,
   * resource.Quantity (quantity.go), intstr.IntOrString (intstr.go), runtime.RawExtension
   * (extension.go), metav1.FieldsV1, and the string-slice wrappers ExtraValue and Verbs.
   */
  private JsonNode special(String type, ObjectNode o, int depth) {
    switch (type) {
      case META + "Time":
        return time(o, SECONDS);
      case META + "MicroTime":
        return time(o, MICRO);
      case META + "Duration":
        return new TextNode(GoDuration.format(o.path("duration").asLong(0)));
      case "k8s.io.apimachinery.pkg.api.resource.Quantity",
          "k8s.io.apimachinery.pkg.api.resource.QuantityValue":
        return new TextNode(o.path("string").asText(""));
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString":
        return o.path("type").asLong(0) == 1 ? new TextNode(o.path("strVal").asText(""))
            : IntNode.valueOf(o.path("intVal").asInt(0));
      case "k8s.io.apimachinery.pkg.runtime.RawExtension":
        return embedded(o.path("raw").asText(""), depth);
      case META + "FieldsV1":
        return embedded(o.path("Raw").asText(""), depth);
      case META + "Verbs", "k8s.io.api.authorization.v1.ExtraValue":
        return o.has("items") ? o.get("items") : JsonNodeFactory.instance.arrayNode();
      default:
        return o;
    }
  }

  /** Go renders a zero Time as null; null means "leave the field out" here. */
  private static JsonNode time(ObjectNode o, DateTimeFormatter format) {
    long seconds = o.path("seconds").asLong(0);
    int nanos = o.path("nanos").asInt(0);
    if (seconds == 0 && nanos == 0) {
      return null;
    }
    try {
      return new TextNode(format.format(Instant.ofEpochSecond(seconds, nanos)));
    } catch (DateTimeException | ArithmeticException e) {
      throw WireReader.malformed("timestamp " + seconds + "s " + nanos + "ns is out of range");
    }
  }

  /** RawExtension bytes: JSON (usually), or an embedded protobuf object. Empty: nothing. */
  private JsonNode embedded(String base64, int depth) {
    byte[] raw = Base64.getDecoder().decode(base64);
    if (raw.length == 0) {
      return null;
    }
    if (ProtobufBodies.hasMagic(raw)) {
      return ProtobufBodies.decode(raw, null, null, depth + 1);
    }
    try {
      return io.minik8s.apiserver.rest.Json.readObject(raw, "application/json");
    } catch (io.minik8s.apiserver.errors.ApiException e) {
      throw WireReader.malformed("an embedded object (RawExtension) is neither JSON nor "
          + "Kubernetes protobuf");
    }
  }

  /** The node Jackson itself would parse the number to, so decoded trees equal parsed ones. */
  private static JsonNode number(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  private static boolean isZeroScalar(JsonNode value) {
    return value.isTextual() && value.asText().isEmpty()
        || value.isNumber() && value.asDouble() == 0
        || value.isBoolean() && !value.asBoolean();
  }

  private static JsonNode zeroOf(String type) {
    return switch (type) {
      case "string", "bytes" -> new TextNode("");
      case "bool" -> BooleanNode.FALSE;
      case "int32", "int64", "uint32", "uint64" -> IntNode.valueOf(0);
      default -> JsonNodeFactory.instance.objectNode();
    };
  }

  private static boolean isPackable(String type) {
    return !type.equals("string") && !type.equals("bytes") && ProtoSchema.SCALARS.contains(type);
  }

  private static int wireTypeOf(String scalar) {
    return switch (scalar) {
      case "double" -> WireReader.FIXED64;
      case "float" -> WireReader.FIXED32;
      default -> WireReader.VARINT;
    };
  }

  private static long varint(Field field, int wireType, WireReader in) {
    checkWireType(field, wireType, WireReader.VARINT);
    return in.readVarint();
  }

  private static WireReader expect(Field field, int wireType, int expected, WireReader in) {
    checkWireType(field, wireType, expected);
    return in.readDelimited();
  }

  private static void checkWireType(Field field, int wireType, int expected) {
    if (wireType != expected) {
      throw WireReader.malformed("field " + field.name() + " (" + field.number() + ") has wire type "
          + wireType + ", expected " + expected + " for " + field.type());
    }
  }

  /** Go strings may hold any bytes; Go's JSON encoder replaces invalid UTF-8, and so does this. */
  private static String text(WireReader in) {
    return new String(in.remaining(), StandardCharsets.UTF_8);
  }
}
