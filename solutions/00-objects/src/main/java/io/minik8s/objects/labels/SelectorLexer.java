package io.minik8s.objects.labels;

import java.util.Map;

/**
 * Splits a selector string into {@link Token}s.
 *
 * <p>Rules (upstream's {@code Lexer} in k8s.io/apimachinery/pkg/labels/selector.go):
 *
 * <ul>
 *   <li>Whitespace (space, tab, CR, LF) separates tokens and is otherwise skipped.
 *   <li>The special characters {@code = ! ( ) , > <} start an operator token; the longest operator
 *       wins, so {@code !=} is one token and {@code !} another.
 *   <li>Anything else is an identifier, running until whitespace, a special character or the end.
 *       Identifiers are not checked here: {@code a@b} is one identifier, rejected later as a key.
 * </ul>
 */
final class SelectorLexer {

  private static final Map<String, Token.Kind> SYMBOLS =
      Map.of(
          "(", Token.Kind.OPEN_PAREN,
          ")", Token.Kind.CLOSE_PAREN,
          ",", Token.Kind.COMMA,
          "!", Token.Kind.NOT,
          "=", Token.Kind.EQUALS,
          "==", Token.Kind.DOUBLE_EQUALS,
          "!=", Token.Kind.NOT_EQUALS,
          ">", Token.Kind.GREATER_THAN,
          "<", Token.Kind.LESS_THAN);

  private final String input;
  /** Offset of the next character to read. */
  private int pos;

  SelectorLexer(String input) {
    this.input = input;
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isSpecial(char c) {
    return "=!(),><".indexOf(c) >= 0;
  }

  /** The kind of the operator spelled {@code symbol}, or null if it is none. */
  static Token.Kind symbol(String symbol) {
    return SYMBOLS.get(symbol);
  }

  /** The next token; once the input is used up, an {@link Token.Kind#END} token every time. */
  Token next() {
    // BEGIN EXERCISE 0.2 — scan the next token: skip whitespace, then an operator or an identifier
    while (pos < input.length() && isWhitespace(input.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos == input.length()) {
      return new Token(Token.Kind.END, "", start);
    }
    if (isSpecial(input.charAt(pos))) {
      // Longest match first: "!=" and "==" are single operators.
      if (pos + 1 < input.length()) {
        String two = input.substring(pos, pos + 2);
        if (symbol(two) != null) {
          pos += 2;
          return new Token(symbol(two), two, start);
        }
      }
      String one = input.substring(pos, pos + 1);
      pos++;
      return new Token(symbol(one), one, start);
    }
    while (pos < input.length()
        && !isWhitespace(input.charAt(pos))
        && !isSpecial(input.charAt(pos))) {
      pos++;
    }
    return new Token(Token.Kind.IDENTIFIER, input.substring(start, pos), start);
    // END EXERCISE 0.2
  }
}
