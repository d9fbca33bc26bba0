package io.minik8s.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the grader reads from a lesson's README: the exercise table (ids, titles, points) and the
 * hints. The lesson is the one place an exercise's title and points are written by hand; the
 * build checks the tests and the markers agree with it.
 *
 * <p>The table is any Markdown table whose rows start with an exercise id:
 *
 * <pre>
 * | Exercise | Title               | Points |
 * |----------|---------------------|--------|
 * | 0.1      | Resource quantities | 12     |
 * </pre>
 *
 * Hints are the {@code ### <id> ...} sections under a {@code ## Hints} heading.
 */
public record Lesson(Path file, List<Exercise> exercises, Map<String, String> hints) {

  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*(\\d+\\.\\d+)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*(\\d+)\\s*\\|\\s*$");
  private static final Pattern HINT_HEADING = Pattern.compile("^###\\s+(\\d+\\.\\d+)\\b.*$");

  /** Reads a lesson README; a duplicate exercise row is an error naming the line. */
  public static Lesson read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lesson " + file, e);
    }
    List<Exercise> exercises = new ArrayList<>();
    Map<String, String> hints = new LinkedHashMap<>();
    boolean inHints = false;
    String hintId = null;
    StringBuilder hint = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        String id = row.group(1);
        if (exercises.stream().anyMatch(e -> e.id().equals(id))) {
          throw new IllegalStateException(
              file + ":" + (i + 1) + ": exercise " + id + " appears twice in the exercise table");
        }
        exercises.add(new Exercise(id, row.group(2), Integer.parseInt(row.group(3))));
        continue;
      }
      if (line.startsWith("## ") || line.startsWith("### ")) {
        if (hintId != null) {
          hints.put(hintId, hint.toString().strip());
          hintId = null;
        }
        if (line.startsWith("## ")) {
          inHints = line.substring(3).strip().equalsIgnoreCase("hints");
          continue;
        }
        Matcher heading = HINT_HEADING.matcher(line);
        if (inHints && heading.matches()) {
          hintId = heading.group(1);
          hint.setLength(0);
        }
        continue;
      }
      if (hintId != null) {
        hint.append(line).append('\n');
      }
    }
    if (hintId != null) {
      hints.put(hintId, hint.toString().strip());
    }
    return new Lesson(file, List.copyOf(exercises), Map.copyOf(hints));
  }

  public Optional<Exercise> exercise(String id) {
    return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  public int totalPoints() {
    return exercises.stream().mapToInt(Exercise::points).sum();
  }
}
