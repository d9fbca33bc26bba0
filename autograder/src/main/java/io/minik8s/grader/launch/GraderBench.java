package io.minik8s.grader.launch;

import io.minik8s.grader.build.Directories;
import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.run.ConcurrentForks;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.run.TestFork;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ./course bench grader}: how long grading takes on this machine, and where the time goes.
 *
 * <ol>
 *   <li>one full submission (the reference, copied as a student's exercises/) of every module with
 *       its visible and hidden tests, one module after the other, with an empty compile cache
 *       (cold), then again (warm: every compile is a cache hit, so what remains is test time and
 *       JVM starts);
 *   <li>each module alone, warm;
 *   <li>the same submission cold and warm with as many modules at once as {@code ./course grade}
 *       runs by default on this machine;
 *   <li>one forked test JVM that runs no test: the fixed cost of a JVM start plus JUnit discovery,
 *       paid once per module;
 *   <li>a batch of {@value #BATCH} copies of the reference through {@code ./course grade-batch}
 *       with its default {@code --jobs}.
 * </ol>
 *
 * Compile time is cold minus warm; test time is warm minus the JVM starts.
 */
public final class GraderBench {

  static final int BATCH = 20;

  private final CourseRepo repo;
  private final Libraries libraries;
  private final PrintStream out;

  public GraderBench(CourseRepo repo, Libraries libraries, PrintStream out) {
    this.repo = repo;
    this.libraries = libraries;
    this.out = out;
  }

  /**
   * @param batch runs {@code grade-batch DIR --csv FILE} and returns its exit code
   * @return the exit code: 0, or 1 when the reference did not get full marks
   */
  public int run(boolean quick, BatchRunner batch) {
    if (!repo.hasSolutions()) {
      throw new IllegalStateException("./course bench grader grades the reference: it needs the instructor's repository (solutions/)");
    }
    List<ModuleId> modules = repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList();
    Path work = temp("minik8s-bench-grader-");
    try {
      Path submission = work.resolve("submission");
      copyExercises(repo.root().resolve("solutions"), submission.resolve("exercises"), modules);
      CourseGrader grader = new CourseGrader(repo, libraries, ForkLimits.DEFAULT, work.resolve("cache"));
      int jobs = ConcurrentForks.forThisMachine(ForkLimits.DEFAULT);
      out.printf("Grading one full submission (the reference) of %s on %d cores%n", modules, Runtime.getRuntime().availableProcessors());
      out.println("  one module after the other:");
      Timed<GradeReport> cold = time(() -> grader.grade(Optional.of(submission), modules, false));
      out.printf("    cold (empty compile cache)  %6.1f s   %d/%d points%n", cold.seconds(), cold.value().earned(), cold.value().max());
      Timed<GradeReport> warm = time(() -> grader.grade(Optional.of(submission), modules, false));
      out.printf("    warm (every compile cached) %6.1f s%n", warm.seconds());
      for (ModuleId m : modules) {
        Timed<GradeReport> one = time(() -> grader.grade(Optional.of(submission), List.of(m), false));
        out.printf("      %-16s warm      %6.1f s%n", m, one.seconds());
      }
      // what ./course grade does by default; a second empty cache, so its cold run is cold too
      CourseGrader parallel =
          new CourseGrader(repo, libraries, ForkLimits.DEFAULT, work.resolve("cache-parallel")).withModuleJobs(jobs);
      out.printf("  %d modules at once (./course grade's default here):%n", jobs);
      Timed<GradeReport> coldParallel = time(() -> parallel.grade(Optional.of(submission), modules, false));
      out.printf("    cold (empty compile cache)  %6.1f s   %d/%d points%n",
          coldParallel.seconds(), coldParallel.value().earned(), coldParallel.value().max());
      Timed<GradeReport> warmParallel = time(() -> parallel.grade(Optional.of(submission), modules, false));
      out.printf("    warm (every compile cached) %6.1f s%n", warmParallel.seconds());
      Path empty = Files.createDirectories(work.resolve("no-tests"));
      Timed<?> jvm = time(() -> new TestFork(ForkLimits.DEFAULT).run(libraries.entries(), empty, Set.of(), Optional.empty()));
      double compile = cold.seconds() - warm.seconds();
      double starts = jvm.seconds() * modules.size();
      out.printf("Where the sequential cold time goes: compiling %.1f s, %d test JVM starts %.1f s (%.2f s each), running tests %.1f s%n",
          compile, modules.size(), starts, jvm.seconds(), Math.max(0, warm.seconds() - starts));
      boolean full = Stream.of(cold, warm, coldParallel, warmParallel).allMatch(t -> t.value().earned() == t.value().max());
      if (!quick) {
        Path dir = work.resolve("batch");
        for (int i = 1; i <= BATCH; i++) {
          copyExercises(repo.root().resolve("solutions"), dir.resolve(String.format("student-%02d", i)).resolve("exercises"), modules);
        }
        Timed<Integer> b = time(() -> batch.run(dir, work.resolve("batch.csv")));
        out.printf("Batch of %d copies of the reference (grade-batch, default --jobs): %.1f s, %.1f s per submission%n",
            BATCH, b.seconds(), b.seconds() / BATCH);
        full &= b.value() == 0;
      }
      if (!full) {
        out.println("The reference did not get every point: see ./course grade --reference");
      }
      return full ? 0 : 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the benchmark in " + work, e);
    } finally {
      Directories.deleteRecursively(work);
    }
  }

  /** Runs a batch grading of {@code dir} into {@code csv}; returns its exit code. */
  public interface BatchRunner {
    int run(Path dir, Path csv);
  }

  private record Timed<T>(T value, double seconds) {}

  private static <T> Timed<T> time(Supplier<T> work) {
    long start = System.nanoTime();
    T value = work.get();
    return new Timed<>(value, (System.nanoTime() - start) / 1e9);
  }

  /** Copies each module's src/main, as a student's exercises/ would hold it. */
  private static void copyExercises(Path from, Path to, List<ModuleId> modules) throws IOException {
    for (ModuleId m : modules) {
      Path src = from.resolve(m.directoryName()).resolve("src/main");
      try (Stream<Path> walk = Files.walk(src)) {
        for (Path p : walk.toList()) {
          Path target = to.resolve(m.directoryName()).resolve("src/main").resolve(src.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private static Path temp(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }
}
