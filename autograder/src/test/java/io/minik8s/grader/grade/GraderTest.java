package io.minik8s.grader.grade;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.report.TextReport;
import io.minik8s.grader.run.TestOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraderTest {

  @TempDir Path dir;
  FixtureCourse course;
  CourseGrader grader;

  @BeforeEach
  void setUp() {
    course = FixtureCourse.copyTo(dir);
    grader = course.grader();
  }

  private GradeReport gradeStudent(boolean integrated) {
    return grader.grade(Optional.of(course.repo.root()), course.repo.modules(), integrated);
  }

  @Test
  void theReferenceEarnsEveryPointWithVisibleAndHiddenTests() {
    GradeReport report = grader.grade(Optional.empty(), course.repo.modules(), false);
    assertThat(report.earned()).as(TextReport.render(report)).isEqualTo(7);
    assertThat(report.max()).isEqualTo(7);
    assertThat(report.status()).isEqualTo("ok");
    ExerciseScore adding = report.modules().get(0).exercises().get(0);
    assertThat(adding.outcomes()).extracting(o -> o.test().displayName() + (o.test().hidden() ? " (hidden)" : ""))
        .containsExactlyInAnyOrder("AdderTest.addsSmallNumbers", "AdderHiddenTest.addsNegativeNumbers (hidden)");
  }

  @Test
  void modulesGradedAtOnceGiveTheSameReportInCourseOrder() {
    course.solve("01-calc"); // 00 stays a skeleton: the two modules score differently
    GradeReport oneByOne = gradeStudent(false);
    GradeReport atOnce = grader.withModuleJobs(2).grade(Optional.of(course.repo.root()), course.repo.modules(), false);
    assertThat(atOnce.modules()).extracting(ModuleGrade::module).containsExactlyElementsOf(course.repo.modules());
    assertThat(atOnce.modules()).extracting(ModuleGrade::earned).containsExactly(0, 2)
        .containsExactlyElementsOf(oneByOne.modules().stream().map(ModuleGrade::earned).toList());
  }

  @Test
  void theUntouchedSkeletonEarnsNothingAndSaysWhichExerciseIsTodo() {
    GradeReport report = gradeStudent(false);
    assertThat(report.earned()).isZero();
    TestOutcome first = report.modules().get(0).exercises().get(0).firstFailure().orElseThrow();
    assertThat(first.message()).startsWith("UnsupportedOperationException: TODO exercise 0.1: add two numbers (at Adder.java:");
  }

  @Test
  void checkRunsOnlyTheVisibleTests() {
    course.solve("00-demo");
    ModuleGrade grade = grader.check(course.repo.module("00"), Optional.empty());
    assertThat(grade.exercises()).extracting(ExerciseScore::earned).containsExactly(2, 2);
    assertThat(grade.exercises().get(0).outcomes()).noneMatch(o -> o.test().hidden());
    // 0.1 is worth 3 in the lesson, 2 of them visible: a student who passes every visible test sees 2/2
    assertThat(grade.exercises()).extracting(ExerciseScore::max).containsExactly(2, 2);
  }

  @Test
  void checkCanRunASingleExercise() {
    course.solve("00-demo");
    ModuleGrade grade = grader.check(course.repo.module("00"), Optional.of("0.2"));
    assertThat(grade.exercises()).singleElement().satisfies(e -> {
      assertThat(e.exercise().id()).isEqualTo("0.2");
      assertThat(e.earned()).isEqualTo(2);
    });
  }

  @Test
  void aParameterizedTestEarnsItsPointsOnlyWhenEveryCasePasses() {
    course.solve("00-demo");
    String file = "exercises/00-demo/src/main/java/io/minik8s/demo/Greeter.java";
    course.write(file, course.read(file).replace("return GREETING + name + \"!\";",
        "return name.equals(\"Ada\") ? GREETING + name + \"!\" : \"?\";"));
    ExerciseScore greet = grader.check(course.repo.module("00"), Optional.of("0.2")).exercises().get(0);
    assertThat(greet.earned()).isZero();
    assertThat(greet.firstFailure().orElseThrow().message()).contains("Hello, Linus!");
  }

  @Test
  void aModuleThatDoesNotCompileScoresZeroWithTheCompilerErrorAndTheOthersAreStillGraded() {
    course.solve("01-calc");
    course.write("exercises/00-demo/src/main/java/io/minik8s/demo/Adder.java", "package io.minik8s.demo;\nclass Adder { int x = ; }\n");
    GradeReport report = gradeStudent(false);
    ModuleGrade demo = report.modules().get(0);
    assertThat(demo.status()).isEqualTo("compile-error");
    assertThat(demo.problem()).contains("exercises/00-demo/src/main/java/io/minik8s/demo/Adder.java:2: error:");
    assertThat(demo.earned()).isZero();
    // isolation: 01 is graded on the reference 00, so the broken 00 costs it nothing
    assertThat(report.modules().get(1).earned()).isEqualTo(2);
  }

  @Test
  void integratedGradingBuildsOnTheStudentsOwnLowerModules() {
    course.solve("01-calc");
    GradeReport report = gradeStudent(true);
    // Calc.sum calls the student's Adder.add, still a TODO stub
    assertThat(report.modules().get(1).earned()).isZero();
    assertThat(report.modules().get(1).exercises().get(0).firstFailure().orElseThrow().message())
        .contains("TODO exercise 0.1");
  }

  @Test
  void aChangedSignatureIsReportedAsTestsThatDoNotCompile() {
    course.write("exercises/00-demo/src/main/java/io/minik8s/demo/Adder.java",
        "package io.minik8s.demo;\npublic final class Adder { public static long add(long a) { return a; } }\n");
    ModuleGrade demo = grader.check(course.repo.module("00"), Optional.empty());
    assertThat(demo.status()).isEqualTo("compile-error");
    assertThat(demo.problem()).startsWith("the tests of 00-demo do not compile against this code");
  }

  @Test
  void theTeethCheckFindsATestThatPassesOnTheSkeleton() {
    String test = "solutions/00-demo/src/test/java/io/minik8s/demo/AdderTest.java";
    course.write(test, course.read(test).replace("assertEquals(5, Adder.add(2, 3), \"add(2, 3)\");", "assertEquals(5, 2 + 3);"));
    List<String> problems = new TeethCheck(course.repo, grader).check(course.repo.module("00"));
    assertThat(problems).containsExactly(
        "00-demo: visible test AdderTest.addsSmallNumbers (exercise 0.1) passes on the skeleton: it must fail until the exercise is done");
  }

  @Test
  void theTeethCheckFindsPointsThatDisagreeWithTheLesson() {
    String lesson = "lessons/00-demo/README.md";
    course.write(lesson, course.read(lesson).replace("| 0.1 | Add numbers | 3 |", "| 0.1 | Add numbers | 4 |"));
    assertThat(new TeethCheck(course.repo, grader).check(course.repo.module("00"))).containsExactly(
        "00-demo: exercise 0.1 is worth 4 points in lessons/00-demo/README.md but its graded tests add up to 3");
  }

  @Test
  void theTeethCheckPassesOnTheFixture() {
    assertThat(new TeethCheck(course.repo, grader).check(course.repo.module("00"))).isEmpty();
    assertThat(new TeethCheck(course.repo, grader).check(course.repo.module("01"))).isEmpty();
  }
}
