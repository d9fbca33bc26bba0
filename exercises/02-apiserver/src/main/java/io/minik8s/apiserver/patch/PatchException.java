package io.minik8s.apiserver.patch;

/**
 * A patch that cannot be applied, and whose fault it is: {@link Kind#MALFORMED} for a patch
 * document that is not a patch at all (400 BadRequest upstream), {@link Kind#FAILED} for a
 * well-formed patch that does not fit the object (422 Invalid upstream: a failed {@code test},
 * a path that does not exist). The {@link Patcher} turns it into the Status the client sees.
 */
public final class PatchException extends IllegalArgumentException {

  /** Whose fault: the document's shape, or its fit to the object. */
  public enum Kind { MALFORMED, FAILED }

  private final Kind kind;

  public PatchException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static PatchException malformed(String message) {
    return new PatchException(Kind.MALFORMED, message);
  }

  public static PatchException failed(String message) {
    return new PatchException(Kind.FAILED, message);
  }

  public Kind kind() {
    return kind;
  }
}
