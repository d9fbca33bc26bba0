package io.minik8s.objects.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A recursive-descent parser for selector strings, one token of lookahead. See
 * {@link Selector#parse(String)} for the grammar.
 *
 * <p>Upstream: {@code Parser} in k8s.io/apimachinery/pkg/labels/selector.go. Like upstream, the
 * values of {@code in}/{@code notin} are a set: sorted and without duplicates.
 */
final class SelectorParser {

  private final String input;
  /** Every token of the input, the last one being END. */
  private final List<Token> tokens = new ArrayList<>();
  /** Index in {@link #tokens} of the next token to consume. */
  private int next;

  SelectorParser(String input) {
    this.input = input;
    SelectorLexer lexer = new SelectorLexer(input);
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Token.Kind.END);
  }

  /** The next token, without consuming it. */
  private Token peek() {
    return tokens.get(next);
  }

  /** The next token, consumed. END is never consumed past: it is returned again. */
  private Token consume() {
    Token token = tokens.get(next);
    if (token.kind() != Token.Kind.END) {
      next++;
    }
    return token;
  }

  /** A parse error at {@code found}: "found X, expected Y". */
  private SelectorParseException error(Token found, String expected) {
    return new SelectorParseException(
        input, found.position(), "found " + found.describe() + ", expected " + expected);
  }

  /**
   * A validated requirement; a broken rule (bad key or value, wrong number of values) becomes a
   * parse error at the requirement's key.
   */
  private Requirement requirement(Token key, Operator operator, List<String> values) {
    try {
      return new Requirement(key.text(), operator, values);
    } catch (IllegalArgumentException e) {
      throw new SelectorParseException(input, key.position(), e.getMessage());
    }
  }

  /** All requirements of the input, in input order; none for an empty (or blank) input. */
  List<Requirement> parse() {
    // BEGIN EXERCISE 0.2 — parse comma-separated requirements until the end of the string
    throw new UnsupportedOperationException("TODO exercise 0.2: parse comma-separated requirements until the end of the string");
    // END EXERCISE 0.2
  }

  /** {@code ["!"] KEY [operator values]}: one requirement, leaving the following token unread. */
  private Requirement parseRequirement() {
    // BEGIN EXERCISE 0.2 — parse one requirement (key, operator, values)
    throw new UnsupportedOperationException("TODO exercise 0.2: parse one requirement (key, operator, values)");
    // END EXERCISE 0.2
  }

  /** The single value after {@code =}, {@code ==}, {@code !=}, {@code >}, {@code <}; may be empty. */
  private String parseExactValue() {
    // BEGIN EXERCISE 0.2 — parse the single (possibly empty) value after =, ==, !=, > or <
    throw new UnsupportedOperationException("TODO exercise 0.2: parse the single (possibly empty) value after =, ==, !=, > or <");
    // END EXERCISE 0.2
  }

  /**
   * {@code "(" VALUE ("," VALUE)* ")"}, where an empty slot is the empty value: {@code ()},
   * {@code (a,)} and {@code (,a)} contain {@code ""}. Returns the values sorted, without duplicates.
   */
  private List<String> parseValueSet() {
    // BEGIN EXERCISE 0.2 — parse a parenthesised, comma-separated set of values
    throw new UnsupportedOperationException("TODO exercise 0.2: parse a parenthesised, comma-separated set of values");
    // END EXERCISE 0.2
  }
}
