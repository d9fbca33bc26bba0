package io.minik8s.controllers.cloud;

/**
 * A cloud API call failed (quota, throttling, an outage). Controllers let it propagate out of
 * {@code sync}, so the key is retried with backoff.
 */
public class CloudException extends RuntimeException {

  public CloudException(String message) {
    super(message);
  }
}
