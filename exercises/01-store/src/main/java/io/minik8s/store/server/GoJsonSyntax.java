package io.minik8s.store.server;

import io.minik8s.store.api.StoreException;

/**
 * Checks that a request body is one well-formed JSON value and, when it is not, fails with the
 * message Go's {@code encoding/json} decoder gives, which etcd's gateway returns verbatim (e.g.
 * {@code invalid character 'b' looking for beginning of object key string}), so our server
 * answers bad JSON exactly as etcd does. It validates only; Jackson then builds the tree.
 *
 * <p>A transcription of the state machine in Go's src/encoding/json/scanner.go, reduced to what a
 * validator needs: one method per grammar rule instead of one state function per byte.
 */
public final class GoJsonSyntax {

  /**
   * Deeper nesting is refused ({@code exceeded max depth}, Go's message; Go allows 10000, Jackson
   * 1000). It also bounds this validator's recursion.
   */
  static final int MAX_DEPTH = 1000;

  private final byte[] in;
  private int pos;
  private int depth;

  private GoJsonSyntax(byte[] in) {
    this.in = in;
  }

  /**
   * Checks the first JSON value of {@code body} (what Go's {@code json.Decoder.Decode} reads;
   * whatever follows it is ignored, as by etcd).
   *
   * @return the offset just after that value, or -1 if the body is empty or only whitespace
   * @throws StoreException with gRPC code 3 and Go's message when the value is malformed
   */
  public static int checkFirstValue(byte[] body) {
    GoJsonSyntax s = new GoJsonSyntax(body);
    s.skipSpace();
    if (s.pos == body.length) {
      return -1;
    }
    s.value();
    return s.pos;
  }

  /** Go's message for a type mismatch, e.g. {@code json: cannot unmarshal string into Go value of type bool}. */
  public static StoreException typeError(String jsonType, String goType) {
    return invalid("json: cannot unmarshal " + jsonType + " into Go value of type " + goType);
  }

  static StoreException invalid(String message) {
    return new StoreException(3, message);
  }

  private void value() {
    int c = next();
    if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
      throw invalid("exceeded max depth");
    }
    switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number(c);
        } else {
          throw error(c, "looking for beginning of value");
        }
      }
    }
    if (c == '{' || c == '[') {
      depth--;
    }
  }

  private void object() {
    skipSpace();
    int c = next();
    if (c == '}') {
      return;
    }
    while (true) {
      if (c != '"') {
        throw error(c, "looking for beginning of object key string");
      }
      string();
      skipSpace();
      c = next();
      if (c != ':') {
        throw error(c, "after object key");
      }
      skipSpace();
      value();
      skipSpace();
      c = next();
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw error(c, "after object key:value pair");
      }
      skipSpace();
      c = next();
    }
  }

  private void array() {
    skipSpace();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      skipSpace();
      value();
      skipSpace();
      int c = next();
      if (c == ']') {
        return;
      }
      if (c != ',') {
        throw error(c, "after array element");
      }
    }
  }

  private void string() {
    while (true) {
      int c = next();
      if (c == '"') {
        return;
      }
      if (c == '\\') {
        int e = next();
        if (e == 'u') {
          for (int i = 0; i < 4; i++) {
            int h = next();
            if (Character.digit(h, 16) < 0) {
              throw error(h, "in \\u hexadecimal character escape");
            }
          }
        } else if ("bfnrt\\/\"".indexOf(e) < 0) {
          throw error(e, "in string escape code");
        }
      } else if (c < 0x20) {
        throw error(c, "in string literal");
      }
    }
  }

  private void number(int first) {
    int c = first;
    if (c == '-') {
      c = next();
      if (c < '0' || c > '9') {
        throw error(c, "in numeric literal");
      }
    }
    if (c != '0') {
      digits();
    }
    if (peek() == '.') {
      pos++;
      int d = next();
      if (d < '0' || d > '9') {
        throw error(d, "after decimal point in numeric literal");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      int s = next();
      if (s == '+' || s == '-') {
        s = next();
      }
      if (s < '0' || s > '9') {
        throw error(s, "in exponent of numeric literal");
      }
      digits();
    }
  }

  private void digits() {
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
  }

  private void literal(String word) {
    for (int i = 1; i < word.length(); i++) {
      int c = next();
      if (c != word.charAt(i)) {
        throw error(c, "in literal " + word + " (expecting '" + word.charAt(i) + "')");
      }
    }
  }

  private void skipSpace() {
    while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
      pos++;
    }
  }

  /** The next byte (0–255); at the end of the body Go's decoder reports "unexpected EOF". */
  private int next() {
    if (pos == in.length) {
      throw invalid("unexpected EOF");
    }
    return in[pos++] & 0xff;
  }

  private int peek() {
    return pos < in.length ? in[pos] & 0xff : -1;
  }

  private static StoreException error(int c, String context) {
    return invalid("invalid character " + quoteChar(c) + " " + context);
  }

  /** Go's quoteChar: the byte in single quotes, escaped like a Go string literal. */
  static String quoteChar(int c) {
    return switch (c) {
      case '\'' -> "'\\''";
      case '"' -> "'\"'";
      case '\\' -> "'\\\\'";
      case '\n' -> "'\\n'";
      case '\r' -> "'\\r'";
      case '\t' -> "'\\t'";
      case '\b' -> "'\\b'";
      case '\f' -> "'\\f'";
      case 0x07 -> "'\\a'";
      case 0x0b -> "'\\v'";
      default -> c < 0x20 || c == 0x7f ? String.format("'\\x%02x'", c)
          : c >= 0x80 && c < 0xa0 ? String.format("'\\u%04x'", c)
          : "'" + (char) c + "'";
    };
  }
}
