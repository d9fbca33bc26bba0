package io.minik8s.grader.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the mutation scores into a lesson's {@code ## Instructor notes} section, between two
 * HTML comments so a later run replaces them. Rows start with {@code ex N.M}, never with a bare
 * id: the lesson parser reads {@code | N.M | title | points |} rows as the exercise table.
 */
public final class InstructorNotes {

  static final String BEGIN = "<!-- mutation-scores: written by ./course mutation --write-notes -->";
  static final String END = "<!-- /mutation-scores -->";
  private static final String HEADING = "## Instructor notes";

  private InstructorNotes() {}

  /** The block for {@code scores}. */
  public static List<String> block(List<MutationScore> scores, String measuredWith) {
    List<String> lines = new ArrayList<>();
    lines.add(BEGIN);
    lines.add("Mutation scores (" + measuredWith + "): mutants PIT makes inside the exercise regions"
        + " of the reference, killed by the visible + hidden tests. Target: at least 90 % per exercise.");
    lines.add("");
    lines.add("| exercise | mutants in regions | killed | score |");
    lines.add("|---|---|---|---|");
    for (MutationScore s : scores) {
      lines.add("| ex " + s.exercise() + " | " + s.total() + " | " + s.killed() + " | " + s.percent() + " % |");
    }
    lines.add(END);
    return lines;
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
      List<String> updated = update(Files.readAllLines(lessonFile), block(scores, measuredWith));
      Files.writeString(lessonFile, String.join("\n", updated) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + lessonFile, e);
    }
  }
}
