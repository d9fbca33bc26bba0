package io.minik8s.grader.dist;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes the instructor-only parts of a Markdown file for the student repository: every
 * level-2 section whose heading starts with "Instructor" ({@code ## Instructor notes},
 * {@code ## Instructors}), up to the next heading of level 1 or 2, and every block between the
 * lines {@code <!-- instructor-only -->} and {@code <!-- /instructor-only -->}. Lines inside
 * fenced code blocks are never taken for headings (a shell comment is not a heading).
 */
public final class InstructorSections {

  static final String BLOCK_START = "<!-- instructor-only -->";
  static final String BLOCK_END = "<!-- /instructor-only -->";

  private InstructorSections() {}

  public static String strip(String markdown) {
    List<String> kept = new ArrayList<>();
    boolean inFence = false;
    boolean inSection = false;
    boolean inBlock = false;
    for (String line : markdown.split("\n", -1)) {
      String trimmed = line.strip();
      if (!inFence && trimmed.equals(BLOCK_START)) {
        inBlock = true;
        continue;
      }
      if (inBlock) {
        if (trimmed.equals(BLOCK_END)) {
          inBlock = false;
        }
        continue;
      }
      if (trimmed.startsWith("```")) {
        inFence = !inFence;
      }
      if (!inFence && isTopHeading(line)) {
        inSection = line.startsWith("## ") && line.substring(3).strip().startsWith("Instructor");
      }
      if (!inSection) {
        kept.add(line);
      }
    }
    String result = String.join("\n", kept);
    // a stripped last section leaves the blank line before it; keep exactly one final newline
    return markdown.endsWith("\n") ? result.stripTrailing() + "\n" : result;
  }

  private static boolean isTopHeading(String line) {
    return line.startsWith("# ") || line.startsWith("## ");
  }
}
