package io.minik8s.grader.report;

import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.ModuleGrade;
import io.minik8s.grader.run.TestOutcome;

/**
 * The terminal table: one line per exercise with its points, its tests and, when it is not
 * complete, the first failure, so a student sees what to fix next without scrolling.
 *
 * <pre>
 * 00-objects
 *   ✗ 0.1  Resource quantities   0/12  0/6 tests  QuantityTest.parsesMillis: TODO exercise 0.1: ...
 *   ✓ 0.2  Label selectors      10/10  5/5 tests
 *     total                     10/22
 * </pre>
 */
public final class TextReport {

  private TextReport() {}

  public static String render(GradeReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Grading ").append(report.submission()).append(" (").append(report.mode()).append(")\n\n");
    for (ModuleGrade module : report.modules()) {
      out.append(module(module)).append('\n');
    }
    out.append(String.format("TOTAL %d/%d%n", report.earned(), report.max()));
    return out.toString();
  }

  public static String module(ModuleGrade module) {
    StringBuilder out = new StringBuilder();
    out.append(module.title()).append('\n');
    int titleWidth = module.exercises().stream().mapToInt(e -> e.exercise().title().length()).max().orElse(10);
    for (ExerciseScore e : module.exercises()) {
      boolean complete = e.earned() == e.max() && e.max() > 0;
      out.append(String.format(
          "  %s %-5s %-" + titleWidth + "s %3d/%-3d %2d/%-2d tests",
          complete ? "\u2713" : "\u2717",
          e.exercise().id(),
          e.exercise().title(),
          e.earned(),
          e.max(),
          e.passedCount(),
          e.outcomes().size()));
      if (!complete) {
        out.append("  ").append(firstProblem(e));
      }
      out.append('\n');
    }
    out.append(String.format("    %-5s %-" + titleWidth + "s %3d/%-3d%n", "", "total", module.earned(), module.max()));
    if (module.problem() != null) {
      out.append('\n').append(indent(module.problem())).append('\n');
    }
    if (!module.ignored().isEmpty()) {
      out.append('\n').append(indent(module.ignoredSummary())).append('\n');
    }
    return out.toString();
  }

  static String firstProblem(ExerciseScore e) {
    return e.firstFailure()
        .map(TextReport::oneLine)
        .orElse(e.reasonIfNoTests().isEmpty() ? "no graded tests ran" : e.reasonIfNoTests());
  }

  static String oneLine(TestOutcome o) {
    return o.test().displayName() + ": " + o.firstLine();
  }

  private static String indent(String text) {
    return "  " + text.strip().replace("\n", "\n  ");
  }
}
