package io.minik8s.client.errors;

import io.minik8s.objects.meta.Status;

/** HTTP 429 TooManyRequests: the server asks the client to slow down; retry later. */
public final class TooManyRequestsException extends ApiStatusException {

  public TooManyRequestsException(Status status) {
    super(status);
  }
}
