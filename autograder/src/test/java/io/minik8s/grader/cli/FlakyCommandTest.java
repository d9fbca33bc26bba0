package io.minik8s.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.FlakeCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./course flaky} on the fixture course: a hidden test that passes only after another one
 * has run is found by shuffling, with a seed that replays it; honest tests are never reported.
 * The order-dependent test is written into this test's own copy of the fixture, so no other test
 * sees it.
 */
class FlakyCommandTest {

  private static final ModuleId DEMO = new ModuleId("00", "demo");

  @TempDir Path dir;

  @Test
  void aTestThatDependsOnTheOrderIsReportedWithASeedThatReplaysIt() {
    FixtureCourse course = FixtureCourse.copyTo(dir);
    course.write("autograder/hidden/00-demo/io/minik8s/demo/OrderDependentHiddenTest.java", """
        package io.minik8s.demo;

        import static org.junit.jupiter.api.Assertions.assertTrue;

        import io.minik8s.grader.Graded;
        import org.junit.jupiter.api.Test;

        class OrderDependentHiddenTest {
          static boolean primed;

          @Test
          @Graded(exercise = "0.1", points = 1, hint = "h")
          void aPrimes() {
            primed = Adder.add(1, 1) == 2;
          }

          @Test
          @Graded(exercise = "0.1", points = 1, hint = "h")
          void bNeedsThePrimer() {
            assertTrue(primed, "aPrimes ran first");
          }
        }
        """);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int code = FlakyCommand.run(course.repo, DEMO, 6, 1, FixtureCourse.libraries(), FixtureCourse.LIMITS, out);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isEqualTo(1);
    assertThat(printed).contains("FLAKY OrderDependentHiddenTest.bNeedsThePrimer (exercise 0.1)", "aPrimes ran first",
        "replay: ./course flaky 00 --runs 1 --seed ");
    assertThat(printed).doesNotContain("AdderTest", "GreeterTest", "AdderHiddenTest", "aPrimes (exercise");

    FlakeCheck check = new FlakeCheck(course.repo, FixtureCourse.libraries(), FixtureCourse.LIMITS);
    FlakeCheck.Result six = check.check(DEMO, 6, 1, done -> { });
    assertThat(six.flakes()).singleElement().satisfies(f ->
        assertThat(f.seeds()).as("some shuffles put the primer first, some do not").isNotEmpty().hasSizeLessThan(6));
    long failing = six.flakes().get(0).seeds().get(0);
    assertThat(check.check(DEMO, 1, failing, done -> { }).flakes()).as("seed " + failing + " replays the failure").hasSize(1);
  }

  @Test
  void honestTestsPassInEveryShuffledOrder() {
    FixtureCourse course = FixtureCourse.copyTo(dir);
    FlakeCheck.Result result =
        new FlakeCheck(course.repo, FixtureCourse.libraries(), FixtureCourse.LIMITS).check(DEMO, 3, 7, done -> { });
    assertThat(result.clean()).as(result.toString()).isTrue();
    assertThat(result.runs()).isEqualTo(3);
  }
}
