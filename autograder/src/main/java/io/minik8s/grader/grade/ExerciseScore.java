package io.minik8s.grader.grade;

import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.run.TestOutcome;
import java.util.List;
import java.util.Optional;

/** One exercise's result: its graded tests' outcomes and the points they earned. */
public record ExerciseScore(Exercise exercise, List<TestOutcome> outcomes, String reasonIfNoTests) {

  public int earned() {
    return outcomes.stream().filter(TestOutcome::passed).mapToInt(o -> o.test().points()).sum();
  }

  public int max() {
    return exercise.points();
  }

  public long passedCount() {
    return outcomes.stream().filter(TestOutcome::passed).count();
  }

  public Optional<TestOutcome> firstFailure() {
    return outcomes.stream().filter(o -> !o.passed()).findFirst();
  }
}
