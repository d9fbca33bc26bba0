package io.minik8s.apiserver.rest;

import io.minik8s.apiserver.errors.StatusErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query parameters, each with its values in order. Typed getters turn a malformed
 * value into a 400 naming the parameter, never a 500.
 */
public record Query(Map<String, List<String>> values) {

  public Query {
    values = Map.copyOf(values);
  }

  public static Query empty() {
    return new Query(Map.of());
  }

  /** Parses a raw (still percent-encoded) query string; null or "" is the empty query. */
  public static Query parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    values.replaceAll((k, v) -> List.copyOf(v));
    return new Query(values);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw StatusErrors.badRequest("malformed query parameter \"" + text + "\": " + e.getMessage());
    }
  }

  /** The first value of {@code name}, or {@code ""}. */
  public String get(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? "" : list.get(0);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * A boolean parameter as upstream decodes one: absent is false; {@code false} and {@code 0}
   * are false; any other value, even empty, is true.
   */
  public boolean bool(String name) {
    if (!has(name)) {
      return false;
    }
    String value = get(name);
    return !(value.equals("0") || value.equalsIgnoreCase("false"));
  }

  /**
   * A non-negative integer parameter, or null when absent or empty.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 naming the parameter otherwise
   */
  public Long nonNegativeLong(String name) {
    String value = get(name);
    if (value.isEmpty()) {
      return null;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw StatusErrors.badRequest(
        "invalid value for " + name + ": \"" + value + "\": must be a non-negative integer");
  }

  /**
   * Whether the request is a dry run: {@code dryRun=All}; absent or empty is a real write.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 for any other value
   */
  public boolean dryRun() {
    for (String value : values.getOrDefault("dryRun", List.of())) {
      if (!value.equals("All") && !value.isEmpty()) {
        throw StatusErrors.badRequest("invalid dryRun value \"" + value
            + "\": supported values: \"All\"");
      }
    }
    return values.getOrDefault("dryRun", List.of()).contains("All");
  }

  /** {@code pretty} asks for indented JSON. */
  public boolean pretty() {
    return bool("pretty");
  }
}
