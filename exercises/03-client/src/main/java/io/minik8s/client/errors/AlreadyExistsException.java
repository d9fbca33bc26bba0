package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 409 AlreadyExists: an object of that name exists already. */
public final class AlreadyExistsException extends ApiStatusException {

  public AlreadyExistsException(Status status) {
    super(status);
  }
}
