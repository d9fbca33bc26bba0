package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 405 MethodNotAllowed: the resource does not support this verb. */
public final class MethodNotAllowedException extends ApiStatusException {

  public MethodNotAllowedException(Status status) {
    super(status);
  }
}
