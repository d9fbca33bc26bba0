package io.minik8s.apiserver.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Pointer (RFC 6901): {@code ""} is the whole document, {@code "/spec/containers/0/image"}
 * a path of reference tokens. In a token {@code ~1} stands for {@code /} and {@code ~0} for
 * {@code ~} (decoded in that order, so {@code ~01} is the literal {@code ~1}): that is how a
 * patch names the label {@code app.kubernetes.io/name}:
 * {@code /metadata/labels/app.kubernetes.io~1name}.
 *
 * @param tokens the decoded reference tokens, outermost first
 */
public record JsonPointer(List<String> tokens) {

  public JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /**
   * Parses {@code text}.
   *
   * @throws PatchException (malformed) if it is neither empty nor starts with {@code /}, or has a
   *     {@code ~} not followed by {@code 0} or {@code 1}
   */
  public static JsonPointer parse(String text) {
    if (text.isEmpty()) {
      return new JsonPointer(List.of());
    }
    if (!text.startsWith("/")) {
      throw PatchException.malformed(
          "JSON pointer \"" + text + "\" must be empty or start with \"/\"");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      if (raw.replace("~0", "").replace("~1", "").contains("~")) {
        throw PatchException.malformed(
            "JSON pointer \"" + text + "\" has a \"~\" not followed by 0 or 1");
      }
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return new JsonPointer(tokens);
  }

  public boolean isRoot() {
    return tokens.isEmpty();
  }

  /** The pointer to the container of this location; only for a non-root pointer. */
  public JsonPointer parent() {
    return new JsonPointer(tokens.subList(0, tokens.size() - 1));
  }

  /** The last token: the member name or array index within {@link #parent()}. */
  public String last() {
    return tokens.get(tokens.size() - 1);
  }

  /** True if {@code other} is this pointer or lies below it. */
  public boolean isPrefixOf(JsonPointer other) {
    return other.tokens.size() >= tokens.size()
        && other.tokens.subList(0, tokens.size()).equals(tokens);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (String token : tokens) {
      text.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    }
    return text.toString();
  }
}
