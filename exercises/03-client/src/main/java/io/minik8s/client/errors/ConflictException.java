package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 409 Conflict: the object changed since it was read (stale resourceVersion); read it again and retry. */
public final class ConflictException extends ApiStatusException {

  public ConflictException(Status status) {
    super(status);
  }
}
