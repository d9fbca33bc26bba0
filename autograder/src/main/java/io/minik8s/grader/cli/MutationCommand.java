package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.mutation.ExerciseRegions;
import io.minik8s.grader.mutation.InstructorNotes;
import io.minik8s.grader.mutation.Mutant;
import io.minik8s.grader.mutation.MutationScore;
import io.minik8s.grader.mutation.PitRun;
import io.minik8s.grader.mutation.PitReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "mutation",
    mixinStandardHelpOptions = true,
    description = {
      "Do the tests have teeth? Run PIT on the reference of each module with its visible and hidden tests,",
      "limited to the classes with exercise regions, and print per exercise how many of the mutants inside",
      "the regions the tests kill, and the survivors with file:line. Needs the instructor's repository and",
      "network access on first use (Maven fetches PIT). Takes minutes per module; exit 1 if an exercise",
      "scores below --min."
    })
final class MutationCommand implements Callable<Integer> {

  static final String MEASURED_WITH = "PIT 1.30.2, pitest-junit5-plugin 1.2.3, default mutators";

  @Parameters(paramLabel = "NN", arity = "0..*", description = "Modules (default: every module with a reference).")
  List<String> modules;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "PIT worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--report-only", description = "Do not run PIT: read the report the last run left in solutions/NN-name/target/pit-reports.")
  boolean reportOnly;

  @Option(names = "--write-notes", description = "Write the scores into the lesson's '## Instructor notes' section.")
  boolean writeNotes;

  @Option(names = "--exercise", paramLabel = "ID", split = ",",
      description = "Only these exercises (e.g. 1.4): PIT mutates only the classes with their regions, which is faster.")
  List<String> exercises;

  @Option(names = "--min", paramLabel = "PERCENT", defaultValue = "0", description = "Exit 1 if an exercise scores below this (default: ${DEFAULT-VALUE}).")
  int min;

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    if (!repo.hasSolutions()) {
      throw new IllegalStateException("mutation testing needs the instructor's repository (solutions/ and the hidden tests)");
    }
    List<ModuleId> selected =
        modules == null || modules.isEmpty()
            ? repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList()
            : modules.stream().map(repo::module).toList();
    PitRun pit = new PitRun(repo, threads);
    boolean low = false;
    for (ModuleId module : selected) {
      ExerciseRegions all = ExerciseRegions.of(repo, module);
      List<String> wanted = repo.lesson(module).exercises().stream().map(Exercise::id)
          .filter(id -> exercises == null || exercises.contains(id)).toList();
      if (wanted.isEmpty()) {
        throw new IllegalArgumentException("module " + module + " has none of the exercises " + exercises
            + ": ./course list shows them");
      }
      ExerciseRegions regions = exercises == null ? all : all.filesOf(wanted);
      Path report = pit.report(module);
      long started = System.nanoTime();
      if (!reportOnly) {
        System.out.println(module + ": running PIT on " + regions.targetClasses().size() / 2
            + " classes with exercise regions (log: " + repo.root().relativize(pit.log(module)) + ") ...");
        System.out.flush();
        report = pit.run(module, regions.targetClasses());
      }
      List<Mutant> mutants = PitReport.read(report);
      List<MutationScore> scores = MutationScore.byExercise(wanted, regions, mutants).stream()
          .filter(s -> wanted.contains(s.exercise())).toList();
      System.out.print(render(module, scores));
      if (!reportOnly) {
        System.out.println("  PIT took " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
      }
      if (writeNotes) {
        InstructorNotes.write(repo.lessonFile(module), scores, MEASURED_WITH);
        System.out.println("  scores written to " + repo.root().relativize(repo.lessonFile(module)));
      }
      low |= scores.stream().anyMatch(s -> s.percent() < min);
    }
    return low ? 1 : 0;
  }

  static String render(ModuleId module, List<MutationScore> scores) {
    StringBuilder out = new StringBuilder();
    int total = scores.stream().mapToInt(MutationScore::total).sum();
    int killed = scores.stream().mapToInt(MutationScore::killed).sum();
    out.append(module).append(": ").append(killed).append("/").append(total)
        .append(" mutants in exercise regions killed (").append(total == 0 ? 100 : killed * 100 / total).append(" %)\n");
    for (MutationScore s : scores) {
      out.append(String.format("  %-6s %4d/%-4d %3d %%%s%n", s.exercise(), s.killed(), s.total(), s.percent(),
          s.percent() < 90 ? "   below 90 %" : ""));
    }
    for (MutationScore s : scores) {
      for (MutationScore.Located m : s.survivors().stream()
          .sorted(java.util.Comparator.comparing((MutationScore.Located l) -> l.region().file().toString())
              .thenComparingInt(l -> l.mutant().line()))
          .toList()) {
        out.append("  survived ").append(s.exercise()).append(' ').append(m.location()).append(": ")
            .append(m.mutant().description())
            .append(m.mutant().status().equals("NO_COVERAGE") ? " (no test runs this line)" : "")
            .append('\n');
      }
    }
    return out.toString();
  }
}
