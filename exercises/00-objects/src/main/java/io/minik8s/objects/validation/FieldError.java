package io.minik8s.objects.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.minik8s.objects.meta.StatusCause;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One validation failure: its {@link ErrorType}, the field path, the offending value and a
 * detail. {@link #message()} renders it exactly as the Kubernetes API server does:
 *
 * <pre>
 * metadata.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of ...
 * spec.containers[0].image: Required value
 * spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"
 * spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive
 * </pre>
 *
 * <p>Create errors with the factories ({@link #required}, {@link #invalid}...), which take a
 * {@link FieldPath}.
 *
 * <p>Upstream: {@code field.Error} in k8s.io/apimachinery/pkg/util/validation/field/errors.go.
 */
public record FieldError(ErrorType type, String field, Object badValue, String detail) {

  /** Renders non-scalar bad values as JSON with sorted keys, as Go's encoding/json does. */
  private static final JsonMapper BAD_VALUE_JSON = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .defaultPropertyInclusion(
          JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
      .build();

  public FieldError {
    detail = detail == null ? "" : detail;
  }

  /** A required value is missing; {@code detail} may be empty. */
  public static FieldError required(FieldPath field, String detail) {
    return new FieldError(ErrorType.REQUIRED, field.toString(), "", detail);
  }

  /** A malformed value. */
  public static FieldError invalid(FieldPath field, Object value, String detail) {
    return new FieldError(ErrorType.INVALID, field.toString(), value, detail);
  }

  /** A value outside {@code supported}; the detail lists them quoted, in the order given. */
  public static FieldError notSupported(FieldPath field, Object value, List<String> supported) {
    String detail = supported.isEmpty()
        ? ""
        : "supported values: "
            + supported.stream().map(FieldError::goQuote).collect(Collectors.joining(", "));
    return new FieldError(ErrorType.NOT_SUPPORTED, field.toString(), value, detail);
  }

  /** A repeated value that must be unique. */
  public static FieldError duplicate(FieldPath field, Object value) {
    return new FieldError(ErrorType.DUPLICATE, field.toString(), value, "");
  }

  /** A value that is not allowed here. */
  public static FieldError forbidden(FieldPath field, String detail) {
    return new FieldError(ErrorType.FORBIDDEN, field.toString(), "", detail);
  }

  /** A value longer than {@code maxBytes}. */
  public static FieldError tooLong(FieldPath field, int maxBytes) {
    return new FieldError(ErrorType.TOO_LONG, field.toString(), "<value omitted>",
        "may not be more than " + maxBytes + (maxBytes == 1 ? " byte" : " bytes"));
  }

  /** A value that was looked up and not found. */
  public static FieldError notFound(FieldPath field, Object value) {
    return new FieldError(ErrorType.NOT_FOUND, field.toString(), value, "");
  }

  /**
   * The message without the field, upstream's {@code ErrorBody()}:
   *
   * <ul>
   *   <li>{@code REQUIRED}, {@code FORBIDDEN}, {@code TOO_LONG} and {@code INTERNAL} show only the
   *       type's text ({@code "Required value"}): their value is not worth repeating;
   *   <li>the others add the value: numbers and booleans as is ({@code Invalid value: 0}),
   *       strings quoted like Go's {@code %q} ({@code Invalid value: "Foo"}), anything else as
   *       JSON ({@code Invalid value: {"app":"web"}}), null as {@code null};
   *   <li>a non-empty detail follows after {@code ": "}.
   * </ul>
   */
  public String body() {
    // BEGIN EXERCISE 0.4 — format the error body the way the API server prints it
    throw new UnsupportedOperationException("TODO exercise 0.4: format the error body the way the API server prints it");
    // END EXERCISE 0.4
  }

  /** {@code field: body}, upstream's {@code Error()}. */
  public String message() {
    return field + ": " + body();
  }

  /** The cause of a 422 Invalid {@code Status}: reason (the type), message (the body), field. */
  public StatusCause toCause() {
    return new StatusCause(type.reason(), body(), field);
  }

  /** {@code value} as compact JSON with sorted map keys; {@code null} for null. */
  static String toJson(Object value) {
    try {
      return BAD_VALUE_JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /**
   * Quotes {@code s} as Go's {@code strconv.Quote} does for the characters that matter: double
   * quote and backslash are escaped, common control characters become {@code \n}, {@code \t}...,
   * other ASCII control characters {@code \x1b}.
   */
  static String goQuote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
