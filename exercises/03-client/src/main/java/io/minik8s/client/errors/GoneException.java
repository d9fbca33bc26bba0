package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 410 Expired or Gone: the resourceVersion is older than the server keeps; list again. */
public final class GoneException extends ApiStatusException {

  public GoneException(Status status) {
    super(status);
  }
}
