package io.minik8s.grader.report;

import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.ModuleGrade;
import io.minik8s.grader.run.TestOutcome;

/** A report to hand back: a summary table per module, then every failed test with its message. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(GradeReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# Grade: ").append(report.earned()).append('/').append(report.max()).append("\n\n");
    out.append("Submission: `").append(report.submission()).append("` — ").append(report.mode())
        .append(" grading, status **").append(report.status()).append("**\n\n");
    for (ModuleGrade module : report.modules()) {
      out.append("## ").append(module.title()).append(" — ").append(module.earned()).append('/')
          .append(module.max()).append("\n\n");
      if (module.problem() != null) {
        out.append("```\n").append(module.problem().strip()).append("\n```\n\n");
      }
      if (!module.ignored().isEmpty()) {
        out.append("> ").append(cell(module.ignoredSummary())).append("\n\n");
      }
      out.append("| Exercise | Title | Points | Tests passed |\n|---|---|---:|---:|\n");
      for (ExerciseScore e : module.exercises()) {
        out.append("| ").append(e.exercise().id()).append(" | ").append(cell(e.exercise().title())).append(" | ")
            .append(e.earned()).append('/').append(e.max()).append(" | ").append(e.passedCount()).append('/')
            .append(e.outcomes().size()).append(" |\n");
      }
      out.append('\n');
      for (ExerciseScore e : module.exercises()) {
        for (TestOutcome o : e.outcomes()) {
          if (!o.passed()) {
            out.append("- **").append(e.exercise().id()).append("** `").append(o.test().displayName()).append('`')
                .append(o.test().hidden() ? " (hidden)" : "").append(": ").append(cell(o.firstLine())).append('\n');
          }
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
