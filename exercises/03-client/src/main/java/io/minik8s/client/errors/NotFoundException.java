package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 404 NotFound: the object does not exist. */
public final class NotFoundException extends ApiStatusException {

  public NotFoundException(Status status) {
    super(status);
  }
}
