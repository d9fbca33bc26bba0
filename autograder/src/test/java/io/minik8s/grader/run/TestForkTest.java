package io.minik8s.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.build.CompileResult;
import io.minik8s.grader.build.ModuleCompiler;
import io.minik8s.grader.build.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    return run(new TestFork(FixtureCourse.LIMITS), compile(className, body));
  }

  private Path compile(String className, String body) throws Exception {
    Path src = dir.resolve("src");
    Path file = src.resolve("demo/" + className + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, HEADER + "@TestMethodOrder(MethodOrderer.MethodName.class)\nclass " + className + " {\n" + body + "\n}\n");
    CompileResult classes =
        new ModuleCompiler(dir.resolve("cache"), dir)
            .compile("fixture", new SourceTree(List.of(src), List.of()), FixtureCourse.libraries().entries());
    assertThat(classes.errors()).isEmpty();
    return classes.classes();
  }

  private static ForkResult run(TestFork fork, Path testClasses) {
    List<Path> classpath = new ArrayList<>(FixtureCourse.libraries().entries());
    classpath.add(testClasses);
    return fork.run(classpath, testClasses, Set.of(), Optional.empty());
  }

  private static Map<String, TestOutcome> byMethod(ForkResult result) {
    return result.outcomes().stream().collect(Collectors.toMap(o -> o.test().methodName(), Function.identity()));
  }

  @Test
  void systemExitFailsTheTestThatCalledItAndTheTestsAfterItRunInANewJvm() throws Exception {
    ForkResult result = run("ExitTest", """
        @Test @Graded(exercise = "0.1") void a_passes() {}
        @Test @Graded(exercise = "0.1") void b_exits() { System.exit(3); }
        @Test void c_ungradedWouldExit() { System.exit(4); }
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
        .as("an ungraded test scores nothing, so it never runs").doesNotContain("exited with code 4");
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

  /**
   * What a submission could do to the grader, each attack a graded test that passes if it works,
   * run once as an unprivileged user and once as the grader's own user. Switching users needs
   * root and the stock {@code nobody} account; elsewhere this is skipped.
   */
  @Test
  void asAnUnprivilegedUserTheTestsCannotReachTheGradersFilesOrProcess() throws Exception {
    assumeTrue(ForkUser.canSwitchUsers(), "switching users needs root and setpriv");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path secret = Files.writeString(dir.resolve("HiddenTest.java"), "the hidden tests");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Path grade = Files.writeString(dir.resolve("results.json"), "score 0");
    Files.setPosixFilePermissions(grade, PosixFilePermissions.fromString("rw-r--r--"));
    Path classes = compile("AttackTest", """
        @Test @Graded(exercise = "0.1") void a_readsTheHiddenTests() throws Exception {
          java.nio.file.Files.readString(java.nio.file.Path.of("%s"));
        }
        @Test @Graded(exercise = "0.1") void b_forgesTheGrade() throws Exception {
          java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "score 100");
        }
        @Test @Graded(exercise = "0.1") void c_readsTheGradersMemory() throws Exception {
          long grader = ProcessHandle.current().parent().orElseThrow().pid();
          java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/" + grader + "/environ"));
        }
        @Test @Graded(exercise = "0.1") void d_usesItsOwnFiles() throws Exception {
          java.nio.file.Files.writeString(java.nio.file.Path.of("scratch.txt"), "mine");
          java.nio.file.Files.delete(java.nio.file.Files.createTempFile("t", ".tmp"));
        }
        """.formatted(secret, grade));

    Map<String, TestOutcome> sandboxed =
        byMethod(run(new TestFork(FixtureCourse.LIMITS).runningAs(ForkUser.named("nobody")), classes));
    for (String attack : List.of("a_readsTheHiddenTests", "b_forgesTheGrade", "c_readsTheGradersMemory")) {
      assertThat(sandboxed.get(attack).message()).as(attack).contains("AccessDeniedException");
    }
    assertThat(sandboxed.get("d_usesItsOwnFiles").passed()).as(sandboxed.get("d_usesItsOwnFiles").message()).isTrue();
    assertThat(Files.readString(grade)).isEqualTo("score 0");

    Map<String, TestOutcome> asGrader = byMethod(run(new TestFork(FixtureCourse.LIMITS), classes));
    assertThat(asGrader.values()).as("as the grader's own user every attack works: the reason for --fork-user")
        .allSatisfy(o -> assertThat(o.passed()).as(o.message()).isTrue());
  }
}
