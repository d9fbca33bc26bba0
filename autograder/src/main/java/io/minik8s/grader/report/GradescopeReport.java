package io.minik8s.grader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.ModuleGrade;
import io.minik8s.grader.run.TestOutcome;

/**
 * Gradescope's {@code results.json}: one entry per graded test with score, max_score, status and
 * output. A hidden test shows only its name and hint, not its assertion, unless the instructor
 * asks to reveal it. When tests could not run (the module does not compile), each exercise gets
 * one zero-score entry carrying the reason, so the maximum is the lesson's total either way.
 *
 * <p>Format: https://gradescope-autograders.readthedocs.io/en/latest/specs/
 */
public final class GradescopeReport {

  private GradescopeReport() {}

  public static String render(GradeReport report, boolean revealHidden) {
    ObjectNode root = JsonReport.JSON.createObjectNode();
    root.put("score", report.earned());
    root.put("visibility", "visible");
    root.put("stdout_visibility", "hidden");
    StringBuilder summary = new StringBuilder();
    ArrayNode tests = root.putArray("tests");
    for (ModuleGrade m : report.modules()) {
      summary.append(m.title()).append(": ").append(m.earned()).append('/').append(m.max()).append('\n');
      if (m.problem() != null) {
        summary.append(m.problem().strip()).append('\n');
      }
      for (ExerciseScore e : m.exercises()) {
        int planned = 0;
        for (TestOutcome o : e.outcomes()) {
          planned += o.test().points();
          ObjectNode test = tests.addObject();
          test.put("name", e.exercise().id() + " " + o.test().displayName());
          test.put("number", e.exercise().id());
          test.put("score", o.passed() ? o.test().points() : 0);
          test.put("max_score", o.test().points());
          test.put("status", o.passed() ? "passed" : "failed");
          test.put("output", output(o, revealHidden));
          test.put("visibility", "visible");
        }
        if (planned < e.max()) {
          ObjectNode test = tests.addObject();
          test.put("name", e.exercise().id() + " " + e.exercise().title() + (planned > 0 ? " (tests that did not run)" : ""));
          test.put("number", e.exercise().id());
          test.put("score", 0);
          test.put("max_score", e.max() - planned);
          test.put("status", "failed");
          test.put("output", e.reasonIfNoTests().isEmpty() ? "these tests did not run" : e.reasonIfNoTests());
          test.put("visibility", "visible");
        }
      }
    }
    root.put("output", summary.toString());
    return JsonReport.write(root);
  }

  private static String output(TestOutcome o, boolean revealHidden) {
    if (o.passed()) {
      return "";
    }
    if (o.test().hidden() && !revealHidden) {
      String hint = o.test().hint().isBlank() ? "see the lesson's hints for this exercise" : o.test().hint();
      return "Hidden test failed. Hint: " + hint;
    }
    return o.message();
  }
}
