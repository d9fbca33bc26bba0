package io.minik8s.grader.grade;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.run.TestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Proves the tests have teeth and the reference is complete, module by module:
 *
 * <ul>
 *   <li>every graded test, visible or hidden, fails on the generated skeleton ({@code exercises/});
 *   <li>every graded test passes on the reference ({@code solutions/});
 *   <li>each exercise's graded tests add up to the points in the lesson's table.
 * </ul>
 *
 * A test that passes on the skeleton grades nothing: it gives points for code nobody wrote.
 */
public final class TeethCheck {

  private final CourseRepo repo;
  private final CourseGrader grader;

  public TeethCheck(CourseRepo repo, CourseGrader grader) {
    this.repo = repo;
    this.grader = grader;
  }

  /** The violations found in {@code module}, one sentence each; empty when it has teeth. */
  public List<String> check(ModuleId module) {
    List<String> problems = new ArrayList<>();
    ModuleGrade reference = grader.grade(Optional.empty(), List.of(module), false).modules().get(0);
    ModuleGrade skeleton = grader.grade(Optional.of(repo.root()), List.of(module), false).modules().get(0);

    if (reference.problem() != null) {
      problems.add(module + ": the reference run failed: " + reference.problem());
    }
    Map<String, Integer> pointsByExercise = new TreeMap<>();
    for (ExerciseScore e : reference.exercises()) {
      for (TestOutcome o : e.outcomes()) {
        pointsByExercise.merge(e.exercise().id(), o.test().points(), Integer::sum);
        if (!o.passed()) {
          problems.add(module + ": " + o.test().displayName() + " fails on the reference: " + o.firstLine());
        }
      }
    }
    for (Exercise e : repo.lesson(module).exercises()) {
      int tested = pointsByExercise.getOrDefault(e.id(), 0);
      if (tested != e.points()) {
        problems.add(module + ": exercise " + e.id() + " is worth " + e.points() + " points in "
            + repo.root().relativize(repo.lessonFile(module)) + " but its graded tests add up to " + tested);
      }
    }
    for (TestOutcome o : reference.strays()) {
      problems.add(module + ": " + o.test().displayName() + " is graded for exercise " + o.test().exercise()
          + ", which is not in the lesson's exercise table");
    }
    if (skeleton.status().equals("compile-error")) {
      problems.add(module + ": the generated skeleton does not compile: " + skeleton.problem());
    }
    for (ExerciseScore e : skeleton.exercises()) {
      for (TestOutcome o : e.outcomes()) {
        if (o.passed()) {
          problems.add(module + ": " + (o.test().hidden() ? "hidden" : "visible") + " test " + o.test().displayName()
              + " (exercise " + o.test().exercise() + ") passes on the skeleton: it must fail until the exercise is done");
        }
      }
    }
    return problems;
  }
}
