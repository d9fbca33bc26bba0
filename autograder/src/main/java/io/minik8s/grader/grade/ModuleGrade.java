package io.minik8s.grader.grade;

import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.run.TestOutcome;
import java.util.List;

/**
 * A module's grade: a score per exercise of the lesson, and what went wrong at the module level
 * (it did not compile, the test JVM crashed), if anything.
 *
 * @param status {@code ok}, {@code compile-error}, {@code timeout} or {@code crashed}
 * @param problem one paragraph for the module-level failure, or null
 * @param output the first part of what the tests printed
 * @param strays graded tests whose exercise is not in the lesson (an authoring mistake)
 * @param ignored the submission's files the grader did not use, one note each (see
 *     {@link ScreenedSubmission}); empty for the reference and for a student's own check
 */
public record ModuleGrade(
    ModuleId module,
    String title,
    List<ExerciseScore> exercises,
    String status,
    String problem,
    String output,
    List<TestOutcome> strays,
    List<String> ignored) {

  public ModuleGrade(
      ModuleId module,
      String title,
      List<ExerciseScore> exercises,
      String status,
      String problem,
      String output,
      List<TestOutcome> strays) {
    this(module, title, exercises, status, problem, output, strays, List.of());
  }

  public ModuleGrade withIgnored(List<String> notes) {
    return new ModuleGrade(module, title, exercises, status, problem, output, strays, List.copyOf(notes));
  }

  /**
   * One sentence for the report, e.g. {@code ignored 2 files in exercises/00-demo (grading uses
   * only src/main, with the instructor's tests and build): pom.xml (edited), src/test/A.java
   * (added)}; empty when nothing was ignored.
   */
  public String ignoredSummary() {
    if (ignored.isEmpty()) {
      return "";
    }
    return "ignored " + ignored.size() + (ignored.size() == 1 ? " file" : " files") + " in exercises/"
        + module.directoryName() + " (grading uses only src/main, with the instructor's tests and build): "
        + String.join(", ", ignored);
  }

  public int earned() {
    return exercises.stream().mapToInt(ExerciseScore::earned).sum();
  }

  public int max() {
    return exercises.stream().mapToInt(ExerciseScore::max).sum();
  }
}
