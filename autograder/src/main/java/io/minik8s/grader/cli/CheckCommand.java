package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.ModuleGrade;
import io.minik8s.grader.report.TextReport;
import io.minik8s.grader.run.ForkLimits;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Run the visible tests of one of your modules and show points per exercise.",
      "Your code is exercises/NN-name/src/main/java.",
      "Exit code 0 when every exercise checked is complete, 1 otherwise."
    })
final class CheckCommand implements Callable<Integer> {

  @Parameters(paramLabel = "MODULE", description = "Module number or name, e.g. 00 or objects.")
  String module;

  @Option(names = "--exercise", paramLabel = "ID", description = "Only this exercise, e.g. 0.2.")
  String exercise;

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    return run(repo, repo.module(module), Optional.ofNullable(exercise));
  }

  /** Shared with {@code watch}: check once, print the table, remember the progress. */
  static int run(CourseRepo repo, ModuleId module, Optional<String> exercise) {
    exercise.ifPresent(id -> {
      if (repo.lesson(module).exercise(id).isEmpty()) {
        throw new IllegalArgumentException("module " + module + " has no exercise '" + id + "': ./course list shows them");
      }
    });
    ModuleGrade grade = new CourseGrader(repo, Libraries.of(repo.root()), ForkLimits.DEFAULT).check(module, exercise);
    System.out.println("Checking exercises/" + module.directoryName() + " with its visible tests (hidden tests grade more cases)\n");
    System.out.print(TextReport.module(grade));
    new Progress(repo).record(grade);
    Optional<ExerciseScore> next = grade.exercises().stream().filter(e -> e.earned() < e.max()).findFirst();
    next.ifPresent(e -> System.out.println("\nNext: exercise " + e.exercise().id() + " — ./course hint " + e.exercise().id()
        + " if you are stuck; ./course check " + module.number() + " --exercise " + e.exercise().id() + " runs only its tests."));
    if (next.isEmpty()) {
      System.out.println("\nAll exercises checked here pass their visible tests. Hidden tests may still find bugs.");
    }
    return next.isPresent() ? 1 : 0;
  }
}
