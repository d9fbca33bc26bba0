package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 403 Forbidden: the user may not do this. */
public final class ForbiddenException extends ApiStatusException {

  public ForbiddenException(Status status) {
    super(status);
  }
}
