package io.minik8s.objects.quantity;

/** A string that is not a quantity: the message names the input and the expected form. */
public final class QuantityFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String input;

  public QuantityFormatException(String input, String problem) {
    super("invalid quantity \"" + input + "\": " + problem);
    this.input = input;
  }

  /** The string that failed to parse. */
  public String input() {
    return input;
  }
}
