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
 */
public record ModuleGrade(
    ModuleId module,
    String title,
    List<ExerciseScore> exercises,
    String status,
    String problem,
    String output,
    List<TestOutcome> strays) {

  public int earned() {
    return exercises.stream().mapToInt(ExerciseScore::earned).sum();
  }

  public int max() {
    return exercises.stream().mapToInt(ExerciseScore::max).sum();
  }
}
