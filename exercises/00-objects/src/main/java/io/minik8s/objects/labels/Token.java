package io.minik8s.objects.labels;

/**
 * One token of a selector string, with the 0-based offset where it starts.
 *
 * <p>Keys, values and the words {@code in} / {@code notin} are all {@link Kind#IDENTIFIER}s: the
 * parser decides from context whether {@code in} is an operator ({@code env in (a)}) or a value
 * ({@code x in (in)}), as upstream's parser does.
 */
record Token(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER,
    END,
    OPEN_PAREN, // (
    CLOSE_PAREN, // )
    COMMA, // ,
    NOT, // !
    EQUALS, // =
    DOUBLE_EQUALS, // ==
    NOT_EQUALS, // !=
    GREATER_THAN, // >
    LESS_THAN // <
  }

  /** How the token reads in an error message: {@code 'app'} or {@code end of string}. */
  String describe() {
    return kind == Kind.END ? "end of string" : "'" + text + "'";
  }
}
