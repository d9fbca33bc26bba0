package io.minik8s.objects.scheme;

/** A resource name, short name or kind that the scheme does not know. */
public class UnknownResourceException extends IllegalArgumentException {

  public UnknownResourceException(String message) {
    super(message);
  }
}
