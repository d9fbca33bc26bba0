package io.minik8s.objects.validation;

/**
 * Why a field is invalid. Each type has a machine-readable {@link #reason()}, which becomes the
 * {@code reason} of a {@code StatusCause}, and the human {@link #text()} that starts the message.
 *
 * <p>Upstream: {@code field.ErrorType} in k8s.io/apimachinery/pkg/util/validation/field/errors.go.
 */
public enum ErrorType {
  /** A value that was looked up (e.g. by name) was not found. */
  NOT_FOUND("FieldValueNotFound", "Not found"),
  /** A required value is missing (empty string, null, empty list). */
  REQUIRED("FieldValueRequired", "Required value"),
  /** A value that must be unique is repeated. */
  DUPLICATE("FieldValueDuplicate", "Duplicate value"),
  /** A malformed value: bad format, out of range. */
  INVALID("FieldValueInvalid", "Invalid value"),
  /** A value outside an enumerated set; the detail lists the supported values. */
  NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
  /** A well-formed value that is not allowed here. */
  FORBIDDEN("FieldValueForbidden", "Forbidden"),
  /** A value that is too long; the value itself is not repeated in the message. */
  TOO_LONG("FieldValueTooLong", "Too long"),
  /** A list with too many items. */
  TOO_MANY("FieldValueTooMany", "Too many"),
  /** A failure not caused by the input. */
  INTERNAL("InternalError", "Internal error"),
  /** A value of the wrong JSON type. */
  TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

  private final String reason;
  private final String text;

  ErrorType(String reason, String text) {
    this.reason = reason;
    this.text = text;
  }

  /** The machine-readable cause type, e.g. {@code FieldValueRequired}. */
  public String reason() {
    return reason;
  }

  /** The human text, e.g. {@code Required value}. */
  public String text() {
    return text;
  }
}
