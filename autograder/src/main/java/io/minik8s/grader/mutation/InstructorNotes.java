package io.minik8s.grader.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the mutation scores into a lesson's {@code ## Instructor notes} section, between two
 * HTML comments so a later run replaces them (rows of exercises it did not measure are kept). Rows start with {@code ex N.M}, never with a bare
 * id: the lesson parser reads {@code | N.M | title | points |} rows as the exercise table.
 */
public final class InstructorNotes {

  static final String BEGIN = "<!-- mutation-scores: written by ./course mutation --write-notes -->";
  static final String END = "<!-- /mutation-scores -->";
  private static final String HEADING = "## Instructor notes";
  private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^\\| ex (\\d+\\.\\d+) \\|.*$");

  private InstructorNotes() {}

  /** The block for {@code scores}. */
  public static List<String> block(List<MutationScore> scores, String measuredWith) {
    return block(scores, measuredWith, List.of());
  }

  /**
   * The block for {@code scores}, keeping the rows of {@code previous} (an earlier block) for the
   * exercises this run did not measure ({@code ./course mutation NN --exercise ID}).
   */
  public static List<String> block(List<MutationScore> scores, String measuredWith, List<String> previous) {
    java.util.TreeMap<String, String> rows = new java.util.TreeMap<>(InstructorNotes::byExerciseId);
    for (String line : previous) {
      java.util.regex.Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.put(row.group(1), line);
      }
    }
    for (MutationScore s : scores) {
      rows.put(s.exercise(), "| ex " + s.exercise() + " | " + s.total() + " | " + s.killed() + " | " + s.percent() + " % |");
    }
    List<String> lines = new ArrayList<>();
    lines.add(BEGIN);
    lines.add("Mutation scores (" + measuredWith + "): of the mutants PIT makes inside the");
    lines.add("exercise regions of the reference, how many the visible + hidden tests kill. Target: at");
    lines.add("least 90 % per exercise; a survivor is a wrong solution the tests would pass.");
    lines.add("");
    lines.add("| exercise | mutants in regions | killed | score |");
    lines.add("|---|---|---|---|");
    lines.addAll(rows.values());
    lines.add(END);
    return lines;
  }

  private static int byExerciseId(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
    return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
  }

  /** The block now in {@code lesson}, empty if there is none. */
  static List<String> current(List<String> lesson) {
    int begin = lesson.indexOf(BEGIN);
    int end = lesson.indexOf(END);
    return begin >= 0 && end > begin ? lesson.subList(begin, end + 1) : List.of();
  }

  /** The lesson with the block replaced, or added at the end of the instructor notes (created if missing). */
  public static List<String> update(List<String> lesson, List<String> block) {
    List<String> out = new ArrayList<>(lesson);
    int begin = out.indexOf(BEGIN);
    int end = out.indexOf(END);
    if (begin >= 0 && end > begin) {
      out.subList(begin, end + 1).clear();
      out.addAll(begin, block);
      return out;
    }
    int heading = out.indexOf(HEADING);
    if (heading < 0) {
      while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
        out.remove(out.size() - 1);
      }
      out.add("");
      out.add(HEADING);
      out.add("");
      out.addAll(block);
      return out;
    }
    int next = heading + 1;
    while (next < out.size() && !out.get(next).startsWith("## ")) {
      next++;
    }
    int at = next;
    while (at > heading + 1 && out.get(at - 1).isBlank()) {
      at--;
    }
    List<String> inserted = new ArrayList<>();
    inserted.add("");
    inserted.addAll(block);
    if (next < out.size() && at == next) {
      inserted.add("");
    }
    out.addAll(at, inserted);
    return out;
  }

  public static void write(Path lessonFile, List<MutationScore> scores, String measuredWith) {
    try {
      List<String> lesson = Files.readAllLines(lessonFile);
      List<String> updated = update(lesson, block(scores, measuredWith, current(lesson)));
      Files.writeString(lessonFile, String.join("\n", updated) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + lessonFile, e);
    }
  }
}
