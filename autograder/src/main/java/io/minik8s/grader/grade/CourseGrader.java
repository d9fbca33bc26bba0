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

  /** As above, with a fork of one's own (a shuffled one, for the flake check). */
  public CourseGrader(CourseRepo home, Libraries libraries, TestFork fork) {
    this(home, libraries, fork, home.stateDir().resolve("cache"));
  }

  private CourseGrader(CourseRepo home, Libraries libraries, TestFork fork, Path cache) {
    this.home = home;
    this.grader = new Grader(libraries, new ModuleCompiler(cache, home.root()), fork);
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
      java.util.function.Function<ModuleId, List<String>> ignored) {
    CodeSource lower = integrated ? code : reference();
    List<ModuleGrade> grades = new ArrayList<>();
    for (ModuleId module : modules) {
      grades.add(grader.grade(module, home.lesson(module), code, below(module, lower), pristineTests(module), Optional.empty())
          .withIgnored(ignored.apply(module)));
    }
    return new GradeReport(label, integrated ? "integrated" : "isolated", List.copyOf(grades));
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
