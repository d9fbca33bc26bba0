package io.minik8s.grader.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.ModuleGrade;
import io.minik8s.grader.report.TextReport;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.run.TestOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades each submission of the hostile corpus ({@code src/test/resources/hostile/<case>}) and
 * checks two things: the case gets a clear per-test or per-module message, and nothing else is
 * affected: the instructor's repository and a bystander's submission are byte-for-byte unchanged
 * after every case, and when all cases are done the bystander still scores full (the last case
 * before it leaves a port and threads behind, the thread bomb ran before it).
 *
 * <p>A case holds only the files that differ from a finished student: the submission is the
 * fixture's skeleton with the reference's main code (7/7 points: 0.1 is worth 3, 0.2 is worth 2,
 * 1.1 is worth 2), overlaid with the case. So each assertion says what the hostile code cost and
 * that the rest of the module still earned its points.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSubmissionTest {

  /** Short limits keep the suite fast: fixture tests take milliseconds. */
  static final ForkLimits LIMITS =
      new ForkLimits(Duration.ofSeconds(2), Duration.ofSeconds(15), 64, 8 * 1024, 1024L * 1024);

  @TempDir static Path dir;
  static FixtureCourse course;
  static CourseGrader grader;
  static Path bystander;
  static Map<String, String> instructorBefore;
  static Map<String, String> bystanderBefore;

  @BeforeAll
  static void setUp() {
    course = FixtureCourse.copyTo(dir.resolve("instructor"));
    grader = new CourseGrader(course.repo, FixtureCourse.libraries(), LIMITS);
    bystander = HostileCorpus.submission(course, dir.resolve("submissions/bystander"), Optional.empty());
    instructorBefore = snapshot(course.repo.root());
    bystanderBefore = snapshot(bystander);
  }

  @AfterEach
  void nothingOutsideTheSubmissionChanged() {
    assertThat(snapshot(course.repo.root())).as("the instructor's repository").isEqualTo(instructorBefore);
    assertThat(snapshot(bystander)).as("another student's submission").isEqualTo(bystanderBefore);
  }

  private static ModuleGrade grade(String hostileCase) {
    return gradeAll(hostileCase, "00").modules().get(0);
  }

  private static GradeReport gradeAll(String hostileCase, String... modules) {
    Path submission = HostileCorpus.submission(course, dir.resolve("submissions/" + hostileCase), Optional.of(hostileCase));
    return grader.grade(Optional.of(submission), Stream.of(modules).map(course.repo::module).toList(), false);
  }

  private static Map<String, TestOutcome> byTest(ModuleGrade grade) {
    return grade.exercises().stream()
        .flatMap(e -> e.outcomes().stream())
        .collect(Collectors.toMap(o -> o.test().displayName(), Function.identity()));
  }

  private static int earned(ModuleGrade grade, String exercise) {
    return grade.exercises().stream().filter(e -> e.exercise().id().equals(exercise)).mapToInt(ExerciseScore::earned).sum();
  }

  @Test
  @Order(1)
  void anInfiniteLoopFailsEachTestThatCallsItWithATimeoutAndTheOthersPass() {
    ModuleGrade grade = grade("infinite-loop");
    assertThat(byTest(grade).get("AdderTest.addsSmallNumbers").message()).contains("timed out after 2 seconds");
    assertThat(byTest(grade).get("AdderHiddenTest.addsNegativeNumbers").message()).contains("timed out after 2 seconds");
    assertThat(earned(grade, "0.2")).as(TextReport.module(grade)).isEqualTo(2);
    assertThat(grade.status()).isEqualTo("ok");
  }

  @Test
  @Order(2)
  void deepRecursionFailsWithAStackOverflowAtTheLine() {
    ModuleGrade grade = grade("deep-recursion");
    assertThat(byTest(grade).get("AdderTest.addsSmallNumbers").message()).startsWith("StackOverflowError (at Adder.java:9)");
    assertThat(earned(grade, "0.2")).isEqualTo(2);
    assertThat(grade.status()).isEqualTo("ok");
  }

  @Test
  @Order(3)
  void systemExitFailsTheTestsThatCallItAndTheOthersRunInANewJvm() {
    ModuleGrade grade = grade("system-exit");
    assertThat(grade.status()).isEqualTo("crashed");
    assertThat(grade.problem()).startsWith(
        "the test JVM exited with code 0 before the tests finished: does the code call System.exit or Runtime.halt?"
            + " (in AdderHiddenTest.addsNegativeNumbers; the tests after it ran in a new JVM)");
    // tests run in class-name order: both Adder tests call add and exit; GreeterTest runs in a third JVM
    assertThat(byTest(grade).get("AdderHiddenTest.addsNegativeNumbers").message()).contains("exited with code 0");
    assertThat(byTest(grade).get("AdderTest.addsSmallNumbers").message()).contains("exited with code 0");
    assertThat(earned(grade, "0.1")).isZero();
    assertThat(earned(grade, "0.2")).as(TextReport.module(grade)).isEqualTo(2);
  }

  @Test
  @Order(4)
  void runtimeHaltFailsTheTestsThatHadNotFinishedAndKeepsThoseThatHad() {
    ModuleGrade grade = grade("runtime-halt");
    assertThat(grade.status()).isEqualTo("crashed");
    assertThat(byTest(grade).get("GreeterTest.greetsByName").message()).contains("exited with code 42");
    // the Adder tests ran before GreeterTest (name order) and keep their points
    assertThat(earned(grade, "0.1")).isEqualTo(3);
    assertThat(earned(grade, "0.2")).isZero();
  }

  @Test
  @Order(5)
  void aNonDaemonThreadThatNeverEndsCostsNothing() {
    ModuleGrade grade = grade("non-daemon-thread");
    assertThat(grade.status()).as(grade.problem()).isEqualTo("ok");
    assertThat(grade.earned()).isEqualTo(5);
  }

  @Test
  @Order(6)
  void aThreadBombIsStoppedByTheForksThreadCap() {
    ModuleGrade grade = grade("thread-bomb");
    assertThat(grade.status()).isEqualTo("crashed");
    assertThat(grade.problem()).startsWith("the tests started more than 1000 threads (");
    assertThat(byTest(grade).get("AdderHiddenTest.addsNegativeNumbers").message()).contains("more than 1000 threads");
    assertThat(grade.earned()).isZero();
  }

  @Test
  @Order(7)
  void allocatingUntilOutOfMemoryIsReportedWithTheHeapLimit() {
    ModuleGrade grade = grade("out-of-memory");
    assertThat(grade.status()).isEqualTo("crashed");
    assertThat(grade.problem()).startsWith("the test JVM ran out of memory (heap limit 64 MB) (in AdderHiddenTest.addsNegativeNumbers;");
    // the Greeter tests never touch the hoarding Adder: they run in a fresh JVM and keep their points
    assertThat(earned(grade, "0.2")).isEqualTo(2);
  }

  @Test
  @Order(8)
  void aGigabyteOfOutputIsStoppedAtTheCapAndOnlyItsStartIsKept() {
    ModuleGrade grade = grade("output-flood");
    assertThat(grade.status()).isEqualTo("crashed");
    assertThat(grade.problem()).isEqualTo("the tests printed more than 1 MB and were stopped");
    assertThat(grade.output().length()).isLessThan(9 * 1024);
    assertThat(grade.output()).contains("more bytes of output not shown");
  }

  @Test
  @Order(9)
  void writingOutsideTheWorkingDirectoryAndDeletingFilesOnlyTouchesTheForksOwnTree() {
    // the @AfterEach check is the point: the instructor's tree and the bystander are unchanged
    ModuleGrade grade = grade("escape-working-dir");
    assertThat(grade.output()).contains("HOSTILE found 0 course repositories").contains("HOSTILE wrote /");
    assertThat(grade.output()).contains("HOSTILE emptied");
    // the results survive the fork deleting them: the grader opened the file before the fork started
    assertThat(earned(grade, "0.1")).as(TextReport.module(grade) + grade.output()).isEqualTo(3);
    // the only victim is the submission itself: it deleted its own class files before Greeter was loaded
    assertThat(byTest(grade).get("GreeterTest.greetsByName").message())
        .startsWith("NoClassDefFoundError: io/minik8s/demo/Greeter");
  }

  @Test
  @Order(10)
  void theHiddenTestsAndSolutionsAreNotReachableFromAnythingTheForkIsGiven() {
    ModuleGrade grade = grade("read-hidden");
    assertThat(grade.output()).contains("HOSTILE looked in").doesNotContain("LEAKED");
    // residual risk, stated rather than hidden: the compiled hidden test runs in the same JVM
    assertThat(grade.output()).contains("HOSTILE hidden test class readable: true");
    assertThat(grade.earned()).isEqualTo(5);
  }

  @Test
  @Order(11)
  void shippedJUnitAssertJAndGraderClassesAndAGradedTestAreIgnoredWithAMessage() {
    ModuleGrade grade = grade("ships-framework");
    assertThat(grade.ignored()).containsExactly(
        "src/main/java/io/minik8s/demo/FreePointsTest.java (uses the grader's classes: graded tests come only from the instructor's repository)",
        "src/main/java/io/minik8s/grader/Graded.java (package io.minik8s.grader belongs to the grader or its test libraries)",
        "src/main/java/org/assertj/core/api/Assertions.java (package org.assertj.core.api belongs to the grader or its test libraries)",
        "src/main/java/org/junit/jupiter/api/Assertions.java (package org.junit.jupiter.api belongs to the grader or its test libraries)",
        "src/main/resources/META-INF/services/org.junit.platform.engine.TestEngine (configures the test framework, which only the grader does)",
        "src/main/resources/junit-platform.properties (configures the test framework, which only the grader does)");
    assertThat(TextReport.module(grade)).contains("ignored 6 files in exercises/00-demo");
    assertThat(grade.output()).doesNotContain("fake engine loaded");
    // Adder returns 0: no shipped class rescued it; Greeter is correct
    assertThat(earned(grade, "0.1")).isZero();
    assertThat(earned(grade, "0.2")).isEqualTo(2);
  }

  @Test
  @Order(12)
  void staticStateThatMakesOneTestPassOnlyAfterAnotherGradesTheSameEveryRun() {
    ModuleGrade first = grade("order-dependent");
    ModuleGrade second = grade("order-dependent");
    Function<ModuleGrade, List<String>> outcomes =
        g -> g.exercises().stream().flatMap(e -> e.outcomes().stream())
            .map(o -> o.test().displayName() + "=" + o.passed()).sorted().toList();
    assertThat(outcomes.apply(second)).isEqualTo(outcomes.apply(first));
    // classes run in name order: AdderHiddenTest makes the first call, which is wrong
    assertThat(outcomes.apply(first)).containsExactly(
        "AdderHiddenTest.addsNegativeNumbers=false", "AdderTest.addsSmallNumbers=true", "GreeterTest.greetsByName=true");
  }

  @Test
  @Order(13)
  void aServerSocketLeftOpenIsClosedWithTheFork() throws IOException {
    ModuleGrade grade = grade("server-socket");
    assertThat(grade.earned()).isEqualTo(5);
    Matcher port = Pattern.compile("HOSTILE listening on port (\\d+)").matcher(grade.output());
    assertThat(port.find()).as(grade.output()).isTrue();
    assertThatNoException().as("binding the port the fork left open").isThrownBy(() -> {
      try (ServerSocket again = new ServerSocket(Integer.parseInt(port.group(1)))) {
        assertThat(again.isBound()).isTrue();
      }
    });
  }

  @Test
  @Order(14)
  void codeThatDoesNotCompileShowsFileAndLineAndTheOtherModulesAreStillGraded() {
    GradeReport report = gradeAll("does-not-compile", "00", "01");
    ModuleGrade demo = report.modules().get(0);
    assertThat(demo.status()).isEqualTo("compile-error");
    assertThat(demo.problem()).contains("exercises/00-demo/src/main/java/io/minik8s/demo/Adder.java:4: error: ';' expected");
    assertThat(report.modules().get(1).earned()).isEqualTo(2);
  }

  @Test
  @Order(100)
  void afterEveryHostileCaseABystandersSubmissionStillScoresFull() {
    GradeReport other = grader.grade(Optional.of(bystander), course.repo.modules(), false);
    assertThat(other.earned()).as(TextReport.render(other)).isEqualTo(7);
    assertThat(other.status()).isEqualTo("ok");
    assertThat(other.modules()).allSatisfy(m -> assertThat(m.ignored()).isEmpty());
  }

  /** Every file's content under {@code root}, except the grader's state (its compile cache). */
  static Map<String, String> snapshot(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      Map<String, String> files = new TreeMap<>();
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".course")) {
          files.put(rel, Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
