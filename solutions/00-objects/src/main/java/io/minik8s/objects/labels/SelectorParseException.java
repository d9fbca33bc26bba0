package io.minik8s.objects.labels;

/**
 * A label selector string that does not parse. The message names the input, the position (0-based
 * character offset) and what was found versus expected, e.g. {@code invalid label selector "app in
 * (a" at position 9: found end of string, expected ',' or ')'}.
 */
public final class SelectorParseException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String input;
  private final int position;

  public SelectorParseException(String input, int position, String problem) {
    super("invalid label selector \"" + input + "\" at position " + position + ": " + problem);
    this.input = input;
    this.position = position;
  }

  /** The selector string that failed to parse. */
  public String input() {
    return input;
  }

  /** Where in {@link #input()} the problem is, as a 0-based character offset. */
  public int position() {
    return position;
  }
}
