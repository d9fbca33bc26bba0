package io.minik8s.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.build.CompileResult;
import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.build.ModuleCompiler;
import io.minik8s.grader.build.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests that misbehave in the ways student code does, run in a real fork: the grader must report
 * each graded test with a reason, and never hang or die itself.
 */
class TestForkTest {

  @TempDir Path dir;

  private static final String HEADER = """
      package demo;
      import static org.junit.jupiter.api.Assertions.*;
      import io.minik8s.grader.Graded;
      import org.junit.jupiter.api.*;
      """;

  private ForkResult run(String className, String body) throws Exception {
    Path src = dir.resolve("src");
    Path file = src.resolve("demo/" + className + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, HEADER + "@TestMethodOrder(MethodOrderer.MethodName.class)\nclass " + className + " {\n" + body + "\n}\n");
    Libraries libraries = FixtureCourse.libraries();
    CompileResult classes =
        new ModuleCompiler(dir.resolve("cache"), dir).compile("fixture", new SourceTree(List.of(src), List.of()), libraries.entries());
    assertThat(classes.errors()).isEmpty();
    List<Path> classpath = new ArrayList<>(libraries.entries());
    classpath.add(classes.classes());
    return new TestFork(FixtureCourse.LIMITS).run(classpath, classes.classes(), Set.of(), Optional.empty());
  }

  private static Map<String, TestOutcome> byMethod(ForkResult result) {
    return result.outcomes().stream().collect(Collectors.toMap(o -> o.test().methodName(), Function.identity()));
  }

  @Test
  void systemExitFailsTheTestThatCalledItAndTheTestsAfterItRunInANewJvm() throws Exception {
    ForkResult result = run("ExitTest", """
        @Test @Graded(exercise = "0.1") void a_passes() {}
        @Test @Graded(exercise = "0.1") void b_exits() { System.exit(3); }
        @Test void c_ungradedAlsoExits() { System.exit(4); }
        @Test @Graded(exercise = "0.1") void c_runsInTheNextJvm() {}
        @Test @Graded(exercise = "0.1") void d_failsOnItsOwn() { fail("d's own failure"); }
        """);
    Map<String, TestOutcome> outcomes = byMethod(result);
    assertThat(outcomes.get("a_passes").passed()).isTrue();
    assertThat(outcomes.get("b_exits").message()).contains("exited with code 3").contains("System.exit");
    assertThat(outcomes.get("c_runsInTheNextJvm").passed()).as(outcomes.get("c_runsInTheNextJvm").message()).isTrue();
    assertThat(outcomes.get("d_failsOnItsOwn").message()).contains("d's own failure");
    assertThat(result.outcomes()).as("each test once, in plan order").extracting(o -> o.test().methodName())
        .containsExactly("a_passes", "b_exits", "c_runsInTheNextJvm", "d_failsOnItsOwn");
    assertThat(result.problem()).contains("exited with code 3").contains("(in ExitTest.b_exits; the tests after it ran in a new JVM)")
        .contains("exited with code 4").contains("(in the ungraded test ExitTest.c_ungradedAlsoExits; the tests after it ran in a new JVM)");
  }

  @Test
  void aCrashInEveryTestStopsResumingAfterTheLimit() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < TestFork.MAX_RESUMES + 3; i++) {
      body.append("@Test @Graded(exercise = \"0.1\") void t").append(i).append("() { System.exit(7); }\n");
    }
    ForkResult result = run("AlwaysExitsTest", body.toString());
    assertThat(result.outcomes()).hasSize(TestFork.MAX_RESUMES + 3)
        .allSatisfy(o -> assertThat(o.message()).contains("exited with code 7"));
    assertThat(result.problem().split("exited with code 7", -1)).as("one JVM per crash, then no more: %s", result.problem())
        .hasSize(TestFork.MAX_RESUMES + 2);
  }

  @Test
  void anInfiniteLoopTimesOutThatTestAndTheRunGoesOn() throws Exception {
    ForkResult result = run("LoopTest", """
        @Test @Graded(exercise = "0.1") void a_loops() { while (true) { Thread.onSpinWait(); } }
        @Test @Graded(exercise = "0.1") void b_passes() {}
        """);
    Map<String, TestOutcome> outcomes = byMethod(result);
    assertThat(outcomes.get("a_loops").message()).contains("timed out after 3 seconds");
    assertThat(outcomes.get("b_passes").passed()).isTrue();
    assertThat(result.completedNormally()).isTrue();
  }

  @Test
  void aNonDaemonThreadThatNeverEndsDoesNotHoldTheRun() throws Exception {
    ForkResult result = run("ThreadTest", """
        @Test @Graded(exercise = "0.1") void startsAThread() {
          new Thread(() -> { while (true) { Thread.onSpinWait(); } }).start();
        }
        """);
    assertThat(result.completedNormally()).as("problem: %s", result.problem()).isTrue();
    assertThat(result.outcomes()).singleElement().matches(TestOutcome::passed);
  }

  @Test
  void runningOutOfMemoryIsReportedAsSuch() throws Exception {
    ForkResult result = run("MemoryTest", """
        @Test @Graded(exercise = "0.1") void hoards() {
          java.util.List<long[]> hoard = new java.util.ArrayList<>();
          while (true) { hoard.add(new long[1 << 20]); }
        }
        """);
    assertThat(result.problem()).contains("ran out of memory");
    assertThat(result.outcomes()).singleElement().satisfies(o -> assertThat(o.message()).contains("ran out of memory"));
  }

  @Test
  void floodingStdoutIsStoppedAndCapped() throws Exception {
    ForkResult result = run("FloodTest", """
        @Test @Graded(exercise = "0.1") void floods() {
          String line = "x".repeat(1000);
          while (true) { System.out.println(line); }
        }
        """);
    assertThat(result.problem()).contains("printed more than 4 MB");
    assertThat(result.output().length()).isLessThan(20 * 1024);
  }

  @Test
  void aFailingStaticInitialiserFailsItsTestsWithTheCause() throws Exception {
    ForkResult result = run("InitTest", """
        static final int X = Integer.parseInt("not a number");
        @Test @Graded(exercise = "0.1") void usesX() { assertEquals(1, X); }
        """);
    assertThat(result.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.passed()).isFalse();
      assertThat(o.message()).contains("NumberFormatException");
    });
  }
}
