package io.minik8s.grader.grade;

import io.minik8s.grader.build.CompileResult;
import io.minik8s.grader.build.CodeSource;
import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.build.ModuleChain;
import io.minik8s.grader.build.ModuleCompiler;
import io.minik8s.grader.build.SourceTree;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.run.ForkResult;
import io.minik8s.grader.run.TestFork;
import io.minik8s.grader.run.TestOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Grades one module: compile the modules it stands on, compile the module, compile the tests
 * against it, run them in a fork, and score each exercise of the lesson.
 *
 * <p>Isolation grading puts the reference's lower modules under a student's module N, so one
 * broken module never zeroes the ones above it; integrated grading uses the student's own lower
 * modules instead. Either way the grader compiles everything itself, from sources, with its own
 * flags: a submission's build files are never read.
 */
public final class Grader {

  private final Libraries libraries;
  private final ModuleCompiler compiler;
  private final ModuleChain chain;
  private final TestFork fork;

  public Grader(Libraries libraries, ModuleCompiler compiler, TestFork fork) {
    this.libraries = libraries;
    this.compiler = compiler;
    this.chain = new ModuleChain(compiler, libraries);
    this.fork = fork;
  }

  /**
   * @param module the module to grade
   * @param lesson its lesson: the exercises and their points
   * @param code where the module's code comes from
   * @param below the modules under it, in order, and where their code comes from
   * @param tests the tests that grade it
   * @param exercise grade only this exercise, if present
   */
  public ModuleGrade grade(
      ModuleId module,
      Lesson lesson,
      CodeSource code,
      List<Below> below,
      TestSuite tests,
      Optional<String> exercise) {
    List<Exercise> exercises =
        lesson.exercises().stream().filter(e -> exercise.isEmpty() || e.id().equals(exercise.get())).toList();
    String title = module.directoryName();

    List<ModuleChain.Link> links = new ArrayList<>();
    below.forEach(b -> links.add(new ModuleChain.Link(b.module(), b.code())));
    links.add(new ModuleChain.Link(module, code));
    ModuleChain.Result built = chain.compile(links);
    if (!built.ok()) {
      ModuleChain.Link failed = built.failedLink();
      String problem =
          failed.module().equals(module)
              ? module + " does not compile:\n" + built.failure().errors()
              : "module " + failed.module() + " (" + failed.code().label() + "), which " + module
                  + " builds on, does not compile:\n" + built.failure().errors();
      return failed(module, title, exercises, "compile-error", problem);
    }
    List<Path> classpath = new ArrayList<>(libraries.entries());
    classpath.addAll(built.classes());

    CompileResult testClasses =
        compiler.compile(module + " tests", new SourceTree(tests.allRoots(), tests.resourceRoots()), classpath);
    if (!testClasses.ok()) {
      return failed(module, title, exercises, "compile-error",
          "the tests of " + module + " do not compile against this code (was a public signature changed?):\n"
              + testClasses.errors());
    }

    // libraries first (a submission cannot shadow JUnit or the runner), then the tests, then the code
    List<Path> forkClasspath = new ArrayList<>(libraries.entries());
    forkClasspath.add(testClasses.classes());
    for (int i = built.classes().size() - 1; i >= 0; i--) {
      forkClasspath.add(built.classes().get(i));
    }
    ForkResult run = fork.run(forkClasspath, testClasses.classes(), classNames(tests.hiddenRoots()), exercise);

    List<ExerciseScore> scores = new ArrayList<>();
    for (Exercise e : exercises) {
      List<TestOutcome> outcomes =
          run.outcomes().stream().filter(o -> o.test().exercise().equals(e.id())).toList();
      scores.add(new ExerciseScore(e, outcomes, outcomes.isEmpty() ? noTestsReason(run) : ""));
    }
    String status =
        run.completedNormally() ? "ok" : run.problem().contains("limit for the module") ? "timeout" : "crashed";
    List<TestOutcome> strays =
        run.outcomes().stream()
            .filter(o -> lesson.exercise(o.test().exercise()).isEmpty())
            .toList();
    return new ModuleGrade(module, title, List.copyOf(scores), status, run.problem(), run.output(), strays);
  }

  /** A module under the graded one, and where its code comes from. */
  public record Below(ModuleId module, CodeSource code) {}

  private static ModuleGrade failed(
      ModuleId module, String title, List<Exercise> exercises, String status, String problem) {
    List<ExerciseScore> scores =
        exercises.stream().map(e -> new ExerciseScore(e, List.of(), firstLine(problem))).toList();
    return new ModuleGrade(module, title, scores, status, problem, "", List.of());
  }

  private static String noTestsReason(ForkResult run) {
    return run.problem() != null ? run.problem() : "no graded test of this exercise ran";
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** The top-level class names declared under some source roots, from their file paths. */
  static Set<String> classNames(List<Path> roots) {
    Set<String> names = new HashSet<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java"))
            .map(p -> root.relativize(p).toString())
            .map(s -> s.substring(0, s.length() - ".java".length()).replace('/', '.').replace('\\', '.'))
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root, e);
      }
    }
    return names;
  }
}
