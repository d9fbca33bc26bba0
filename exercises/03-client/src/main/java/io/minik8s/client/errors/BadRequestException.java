package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 400 BadRequest: the request is malformed. */
public final class BadRequestException extends ApiStatusException {

  public BadRequestException(Status status) {
    super(status);
  }
}
