package io.minik8s.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.hostile.HostileCorpus;
import io.minik8s.grader.report.CsvGradebook;
import io.minik8s.grader.run.ForkLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class of 20 generated submissions of the fixture course, correct, partial, broken and
 * hostile, graded in one batch: the CSV must be exactly what each one earns.
 *
 * <p>Points: 0.1 is worth 3 (2 visible + 1 hidden), 0.2 is worth 2, 1.1 is worth 2; module 01 is
 * graded on the reference 00 (isolation), so a broken 00 does not cost 1.1.
 */
class BatchGraderTest {

  /**
   * A module may run 5 s: the two looping graded tests at 3 s each cannot finish in it (a
   * timeout), and a healthy fixture fork takes well under 3 s even on a loaded machine.
   */
  static final ForkLimits LIMITS =
      new ForkLimits(Duration.ofSeconds(3), Duration.ofSeconds(5), 64, 8 * 1024, 1024L * 1024);

  @TempDir Path dir;

  @Test
  void aMixedClassOfTwentySubmissionsGivesExactlyTheExpectedGradebook() throws Exception {
    FixtureCourse course = FixtureCourse.copyTo(dir.resolve("instructor"));
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    for (int i = 1; i <= 4; i++) {
      HostileCorpus.submission(course, inbox.resolve("correct-" + i), Optional.empty());
    }
    for (int i = 1; i <= 3; i++) {
      FixtureCourse.copyTree(course.path("exercises"), inbox.resolve("skeleton-" + i + "/exercises"));
    }
    for (int i = 1; i <= 2; i++) {
      Path partial = inbox.resolve("partial-greeter-" + i);
      FixtureCourse.copyTree(course.path("exercises"), partial.resolve("exercises"));
      solve(course, partial, "00-demo/src/main/java/io/minik8s/demo/Greeter.java");
      partial = inbox.resolve("partial-calc-" + i);
      FixtureCourse.copyTree(course.path("exercises"), partial.resolve("exercises"));
      solve(course, partial, "01-calc/src/main/java/io/minik8s/calc/Calc.java");
    }
    for (String hostile : List.of("does-not-compile", "infinite-loop", "system-exit", "runtime-halt",
        "out-of-memory", "thread-bomb", "order-dependent")) {
      HostileCorpus.submission(course, inbox.resolve("hostile-" + hostile), Optional.of(hostile));
    }
    zip(HostileCorpus.submission(course, dir.resolve("zipped"), Optional.empty()), inbox.resolve("zipped-correct.zip"));
    Files.createDirectories(inbox.resolve("not-a-checkout/src"));
    assertThat(BatchGrader.submissionsIn(inbox)).hasSize(20);

    Map<ModuleId, Lesson> lessons = new LinkedHashMap<>();
    course.repo.modules().forEach(m -> lessons.put(m, course.repo.lesson(m)));
    CourseGrader grader = new CourseGrader(course.repo, FixtureCourse.libraries(), LIMITS);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Path csv = dir.resolve("out/grades.csv");
    Files.createDirectories(csv.getParent());
    Path reports =
        new BatchGrader(grader, new CsvGradebook(lessons), course.repo.modules(), false, 2, Clock.systemUTC(),
            new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run(BatchGrader.submissionsIn(inbox), csv);

    assertThat(Files.readAllLines(csv)).containsExactly(
        "student,status,0.1,0.2,00-demo,1.1,01-calc,total,max",
        "correct-1,ok,3,2,5,2,2,7,7",
        "correct-2,ok,3,2,5,2,2,7,7",
        "correct-3,ok,3,2,5,2,2,7,7",
        "correct-4,ok,3,2,5,2,2,7,7",
        // 00 does not compile; 01 still earns its points on the reference 00
        "hostile-does-not-compile,compile-error,0,0,0,2,2,2,7",
        // three looping tests at 2 s each outlast the module's 6 s: Greeter never ran
        "hostile-infinite-loop,timeout,0,0,0,2,2,2,7",
        // AdderHiddenTest makes the one wrong first call; AdderTest passes
        "hostile-order-dependent,ok,2,2,4,2,2,6,7",
        // each test that calls Adder runs out of memory and takes its JVM down; Greeter's run in a new one
        "hostile-out-of-memory,crashed,0,2,2,2,2,4,7",
        // Greeter halts the JVM; the Adder tests had already passed
        "hostile-runtime-halt,crashed,3,0,3,2,2,5,7",
        // the same with System.exit
        "hostile-system-exit,crashed,0,2,2,2,2,4,7",
        "hostile-thread-bomb,crashed,0,0,0,2,2,2,7",
        "not-a-checkout,invalid,0,0,0,0,0,0,7",
        "partial-calc-1,ok,0,0,0,2,2,2,7",
        "partial-calc-2,ok,0,0,0,2,2,2,7",
        "partial-greeter-1,ok,0,2,2,0,0,2,7",
        "partial-greeter-2,ok,0,2,2,0,0,2,7",
        "skeleton-1,ok,0,0,0,0,0,0,7",
        "skeleton-2,ok,0,0,0,0,0,0,7",
        "skeleton-3,ok,0,0,0,0,0,0,7",
        "zipped-correct,ok,3,2,5,2,2,7,7");

    try (Stream<Path> files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString())).hasSize(20).contains("zipped-correct.md");
    }
    assertThat(Files.readString(reports.resolve("hostile-system-exit.md")))
        .contains("# Grade: 4/7").contains("does the code call System.exit or Runtime.halt?");
    assertThat(Files.readString(reports.resolve("not-a-checkout.md"))).contains("Not graded: not-a-checkout has no exercises/");
    assertThat(progress.toString(StandardCharsets.UTF_8).lines())
        .hasSize(20)
        .allMatch(line -> line.matches("\\[\\d+/20] \\S+  .*  \\(ETA \\d+m\\d\\ds\\)"), "done/total and ETA")
        .anyMatch(line -> line.startsWith("[20/20] "));
  }

  private static void solve(FixtureCourse course, Path student, String file) throws IOException {
    Files.copy(course.path("solutions/" + file), student.resolve("exercises/" + file), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void zip(Path checkout, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
        Stream<Path> walk = Files.walk(checkout)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        // as GitHub's "Download ZIP" does: everything one folder down
        entries.putNextEntry(new ZipEntry("minik8s-main/" + checkout.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, entries);
        entries.closeEntry();
      }
    }
  }
}
