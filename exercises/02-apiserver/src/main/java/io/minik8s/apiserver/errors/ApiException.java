package io.minik8s.apiserver.errors;

import io.minik8s.objects.meta.Status;

/**
 * An API error on its way to the client: the {@link Status} to send and its HTTP code. Every
 * layer of the request path throws this (never a bare runtime exception for a client's mistake),
 * so the front door can answer each failure with the same {@code Status} body real Kubernetes
 * sends. Build them with {@link StatusErrors}.
 */
public final class ApiException extends RuntimeException {

  private final transient Status status;

  public ApiException(Status status) {
    super(status.message());
    this.status = status;
  }

  public Status status() {
    return status;
  }

  /** The HTTP status code ({@code status.code}). */
  public int code() {
    return status.code();
  }

  /** The machine-readable reason: {@code NotFound}, {@code Conflict}, {@code Invalid}... */
  public String reason() {
    return status.reason();
  }
}
