package io.minik8s.grader.run;

/**
 * One line of the forked runner's results file: a flat JSON object of strings and ints, built
 * by hand so the test JVM does not load Jackson (a few hundred milliseconds on every fork).
 */
final class JsonLine {

  private final StringBuilder text = new StringBuilder("{");

  private JsonLine() {}

  static JsonLine event(String name) {
    return new JsonLine().put("event", name);
  }

  JsonLine put(String key, String value) {
    field(key);
    quote(value);
    return this;
  }

  JsonLine put(String key, int value) {
    field(key);
    text.append(value);
    return this;
  }

  @Override
  public String toString() {
    return text + "}";
  }

  private void field(String key) {
    if (text.length() > 1) {
      text.append(',');
    }
    quote(key);
    text.append(':');
  }

  private void quote(String s) {
    text.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
