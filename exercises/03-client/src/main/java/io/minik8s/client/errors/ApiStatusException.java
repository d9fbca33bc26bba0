package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/**
 * The API server answered with a {@code Status} failure. Callers catch the subclass that names
 * the reason ({@link NotFoundException}, {@link ConflictException}...), as client-go callers test
 * {@code apierrors.IsNotFound(err)}; {@link #status()} keeps the whole answer.
 */
public class ApiStatusException extends RuntimeException {

  private final Status status;

  public ApiStatusException(Status status) {
    super(status.message() == null ? status.reason() : status.message());
    this.status = status;
  }

  public Status status() {
    return status;
  }

  /** The HTTP status code, from the Status or the response. */
  public int code() {
    return status.code() == null ? 0 : status.code();
  }

  /** The machine-readable reason: {@code NotFound}, {@code Conflict}, ... */
  public String reason() {
    return status.reason();
  }
}
