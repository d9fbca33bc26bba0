package io.minik8s.grader.grade;

import io.minik8s.grader.build.CodeSource;
import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.build.ModuleCompiler;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.run.TestFork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The two ways the course grades code, on top of {@link Grader}:
 *
 * <ul>
 *   <li>{@link #check}: a student runs the visible tests of one module of their own checkout;
 *   <li>{@link #grade}: an instructor grades a submission (or the reference) with visible and
 *       hidden tests taken from the instructor's repository, never from the submission.
 * </ul>
 */
public final class CourseGrader {

  private final CourseRepo home;
  private final Grader grader;
  private final int moduleJobs;

  /**
   * @param home the repository whose lessons, reference and tests are used
   * @param libraries what every module and test may use; normally {@code Libraries.of(home.root())}
   * @param limits limits of each forked test JVM
   */
  public CourseGrader(CourseRepo home, Libraries libraries, ForkLimits limits) {
    this(home, libraries, new TestFork(limits), home.stateDir().resolve("cache"));
  }

  /** The same with its compile cache in {@code cache} (a benchmark starts one empty to measure a cold grade). */
  public CourseGrader(CourseRepo home, Libraries libraries, ForkLimits limits, Path cache) {
    this(home, libraries, new TestFork(limits), cache);
  }

  /** As above, with a fork of one's own: shuffled (the flake check), or run as another user. */
  public CourseGrader(CourseRepo home, Libraries libraries, TestFork fork) {
    this(home, libraries, fork, home.stateDir().resolve("cache"));
  }

  private CourseGrader(CourseRepo home, Libraries libraries, TestFork fork, Path cache) {
    this(home, new Grader(libraries, new ModuleCompiler(cache, home.root()), fork), 1);
  }

  private CourseGrader(CourseRepo home, Grader grader, int moduleJobs) {
    this.home = home;
    this.grader = grader;
    this.moduleJobs = moduleJobs;
  }

  /**
   * The same grader, grading up to {@code jobs} modules of a submission at once. Each module is
   * compiled and tested on its own (its own test JVM), so they only share the compile cache,
   * which is safe to share; the report lists them in course order either way.
   */
  public CourseGrader withModuleJobs(int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("module jobs must be at least 1, got " + jobs);
    }
    return new CourseGrader(home, grader, jobs);
  }

  /**
   * The visible tests of {@code module} against the code in this checkout's exercises/. Each
   * exercise's maximum is what its visible tests are worth, so finishing them reads as complete;
   * the lesson's points also count the hidden tests.
   */
  public ModuleGrade check(ModuleId module, Optional<String> exercise) {
    CodeSource mine = new CodeSource("exercises", home.root().resolve("exercises"));
    CodeSource lower = home.hasSolutions() ? reference() : mine;
    Path tests = mine.moduleDir(module).resolve("src/test");
    TestSuite suite = new TestSuite(List.of(tests.resolve("java")), List.of(tests.resolve("resources")), List.of());
    ModuleGrade grade = grader.grade(module, home.lesson(module), mine, below(module, lower), suite, exercise);
    List<ExerciseScore> visible =
        grade.exercises().stream()
            .map(e -> e.outcomes().isEmpty() ? e : new ExerciseScore(
                new Exercise(e.exercise().id(), e.exercise().title(),
                    e.outcomes().stream().mapToInt(o -> o.test().points()).sum()),
                e.outcomes(), e.reasonIfNoTests()))
            .toList();
    return new ModuleGrade(module, grade.title(), visible, grade.status(), grade.problem(), grade.output(), grade.strays());
  }

  /**
   * Grades {@code modules} of a submission.
   *
   * @param submission a checkout with an exercises/ directory, or empty for the reference
   * @param integrated build each module on the submission's own lower modules
   */
  public GradeReport grade(Optional<Path> submission, List<ModuleId> modules, boolean integrated) {
    if (!home.hasSolutions()) {
      throw new IllegalStateException(
          "grading needs the instructor's repository (solutions/ and the hidden tests); a student checkout has ./course check");
    }
    if (submission.isEmpty()) {
      return gradeCode(reference(), modules, integrated, "reference (solutions/)", m -> List.of());
    }
    // only the submission's main code is used, from a private copy: see ScreenedSubmission
    List<ModuleId> copied = integrated ? home.modules() : modules;
    try (ScreenedSubmission screened =
        ScreenedSubmission.of(submission.get().resolve("exercises"), home.root().resolve("exercises"), copied)) {
      String label = submission.get().toString();
      return gradeCode(screened.code(label), modules, integrated, label, screened::ignored);
    }
  }

  private GradeReport gradeCode(
      CodeSource code, List<ModuleId> modules, boolean integrated, String label,
      Function<ModuleId, List<String>> ignored) {
    CodeSource lower = integrated ? code : reference();
    Function<ModuleId, ModuleGrade> gradeOne =
        module -> grader.grade(module, home.lesson(module), code, below(module, lower), pristineTests(module), Optional.empty())
            .withIgnored(ignored.apply(module));
    List<ModuleGrade> grades = moduleJobs == 1 || modules.size() < 2
        ? modules.stream().map(gradeOne).toList()
        : inParallel(modules, gradeOne);
    return new GradeReport(label, integrated ? "integrated" : "isolated", List.copyOf(grades));
  }

  /** Grades the modules on {@link #moduleJobs} threads; the grades come back in {@code modules}' order. */
  private List<ModuleGrade> inParallel(List<ModuleId> modules, Function<ModuleId, ModuleGrade> gradeOne) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(moduleJobs, modules.size()), r -> {
      Thread t = new Thread(r, "grade-module");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ModuleGrade>> pending = new ArrayList<>();
      modules.forEach(m -> pending.add(pool.submit(() -> gradeOne.apply(m))));
      List<ModuleGrade> grades = new ArrayList<>();
      for (Future<ModuleGrade> f : pending) {
        grades.add(f.get());
      }
      return grades;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while grading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("grading a module failed", e.getCause());
    } finally {
      pool.shutdownNow(); // interrupts the other modules' waits, which kill their test JVMs
    }
  }

  private TestSuite pristineTests(ModuleId module) {
    Path tests = home.solutionDir(module).resolve("src/test");
    Path hidden = home.hiddenTestsDir(module);
    return new TestSuite(
        List.of(tests.resolve("java")),
        List.of(tests.resolve("resources")),
        Files.isDirectory(hidden) ? List.of(hidden) : List.of());
  }

  private CodeSource reference() {
    return new CodeSource("reference", home.root().resolve("solutions"));
  }

  private List<Grader.Below> below(ModuleId module, CodeSource code) {
    return home.modules().stream()
        .filter(m -> m.compareTo(module) < 0)
        .map(m -> new Grader.Below(m, code))
        .toList();
  }
}
