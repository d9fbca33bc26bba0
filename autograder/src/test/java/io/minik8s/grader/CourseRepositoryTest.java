package io.minik8s.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.TeethCheck;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.sync.ExerciseSync;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's checks on this repository itself: exercises/ is exactly what solutions/ generates,
 * and every module's tests have teeth (fail on the skeleton, pass on the reference, add up to the
 * lesson's points).
 */
class CourseRepositoryTest {

  private static final CourseRepo REPO = new CourseRepo(FixtureCourse.home());

  static Stream<ModuleId> modules() {
    return REPO.modules().stream().filter(m -> Files.isDirectory(REPO.solutionDir(m)));
  }

  @Test
  void exercisesAreInSyncWithSolutions() {
    assertThat(new ExerciseSync(REPO).check())
        .as("exercises/ drifted from solutions/: run ./course sync and commit the result")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void everyGradedTestFailsOnTheSkeletonAndPassesOnTheReference(ModuleId module) {
    CourseGrader grader = new CourseGrader(REPO, FixtureCourse.libraries(), ForkLimits.DEFAULT);
    assertThat(new TeethCheck(REPO, grader).check(module)).isEmpty();
  }
}
