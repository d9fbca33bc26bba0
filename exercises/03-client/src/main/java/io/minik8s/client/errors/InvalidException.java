package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 422 Invalid: the object fails validation; {@code status().details().causes()} names the fields. */
public final class InvalidException extends ApiStatusException {

  public InvalidException(Status status) {
    super(status);
  }
}
