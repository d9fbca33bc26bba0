package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 401 Unauthorized: the credentials are missing or not accepted. */
public final class UnauthorizedException extends ApiStatusException {

  public UnauthorizedException(Status status) {
    super(status);
  }
}
