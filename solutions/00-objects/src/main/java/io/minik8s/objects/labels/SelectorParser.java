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
    List<Requirement> requirements = new ArrayList<>();
    if (peek().kind() == Token.Kind.END) {
      return requirements;
    }
    while (true) {
      requirements.add(parseRequirement());
      Token after = consume();
      if (after.kind() == Token.Kind.END) {
        return requirements;
      }
      if (after.kind() != Token.Kind.COMMA) {
        throw error(after, "',' or end of string");
      }
    }
    // END EXERCISE 0.2
  }

  /** {@code ["!"] KEY [operator values]}: one requirement, leaving the following token unread. */
  private Requirement parseRequirement() {
    // BEGIN EXERCISE 0.2 — parse one requirement (key, operator, values)
    boolean negated = peek().kind() == Token.Kind.NOT;
    if (negated) {
      consume();
    }
    Token key = consume();
    if (key.kind() != Token.Kind.IDENTIFIER) {
      throw error(key, negated ? "a label key" : "'!' or a label key");
    }
    if (negated) {
      // "!key" takes no operator: whatever follows must be ',' or the end (checked by parse).
      return requirement(key, Operator.DOES_NOT_EXIST, List.of());
    }
    Token.Kind following = peek().kind();
    if (following == Token.Kind.END || following == Token.Kind.COMMA) {
      return requirement(key, Operator.EXISTS, List.of());
    }
    Token op = consume();
    if (op.kind() == Token.Kind.IDENTIFIER && op.text().equals("in")) {
      return requirement(key, Operator.IN, parseValueSet());
    }
    if (op.kind() == Token.Kind.IDENTIFIER && op.text().equals("notin")) {
      return requirement(key, Operator.NOT_IN, parseValueSet());
    }
    Operator operator =
        switch (op.kind()) {
          case EQUALS -> Operator.EQUALS;
          case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
          case NOT_EQUALS -> Operator.NOT_EQUALS;
          case GREATER_THAN -> Operator.GREATER_THAN;
          case LESS_THAN -> Operator.LESS_THAN;
          default -> throw error(op, "one of in, notin, =, ==, !=, >, <");
        };
    return requirement(key, operator, List.of(parseExactValue()));
    // END EXERCISE 0.2
  }

  /** The single value after {@code =}, {@code ==}, {@code !=}, {@code >}, {@code <}; may be empty. */
  private String parseExactValue() {
    // BEGIN EXERCISE 0.2 — parse the single (possibly empty) value after =, ==, !=, > or <
    Token.Kind following = peek().kind();
    if (following == Token.Kind.END || following == Token.Kind.COMMA) {
      return ""; // "app=" selects the empty value
    }
    Token value = consume();
    if (value.kind() != Token.Kind.IDENTIFIER) {
      throw error(value, "a label value");
    }
    return value.text();
    // END EXERCISE 0.2
  }

  /**
   * {@code "(" VALUE ("," VALUE)* ")"}, where an empty slot is the empty value: {@code ()},
   * {@code (a,)} and {@code (,a)} contain {@code ""}. Returns the values sorted, without duplicates.
   */
  private List<String> parseValueSet() {
    // BEGIN EXERCISE 0.2 — parse a parenthesised, comma-separated set of values
    Token open = consume();
    if (open.kind() != Token.Kind.OPEN_PAREN) {
      throw error(open, "'('");
    }
    SortedSet<String> values = new TreeSet<>();
    while (true) {
      Token slot = peek();
      if (slot.kind() == Token.Kind.IDENTIFIER) {
        values.add(consume().text());
      } else if (slot.kind() == Token.Kind.COMMA || slot.kind() == Token.Kind.CLOSE_PAREN) {
        values.add("");
      } else {
        throw error(slot, "a label value, ',' or ')'");
      }
      Token separator = consume();
      if (separator.kind() == Token.Kind.CLOSE_PAREN) {
        return List.copyOf(values);
      }
      if (separator.kind() != Token.Kind.COMMA) {
        throw error(separator, "',' or ')'");
      }
    }
    // END EXERCISE 0.2
  }
}
