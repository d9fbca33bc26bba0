package io.minik8s.objects.scheme;

/** A request path that does not name a resource the way the Kubernetes REST API lays them out. */
public class MalformedPathException extends IllegalArgumentException {

  public MalformedPathException(String message) {
    super(message);
  }
}
