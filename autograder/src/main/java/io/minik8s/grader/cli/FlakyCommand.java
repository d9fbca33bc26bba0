package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.FlakeCheck;
import io.minik8s.grader.run.ForkLimits;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "flaky",
    mixinStandardHelpOptions = true,
    description = {
      "Grade the reference of a module repeatedly, test classes and methods shuffled by a different seed",
      "each run, and report every graded test that ever fails, with the seeds that replay it.",
      "Exit 1 if any test failed or a run crashed."
    })
final class FlakyCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NN", description = "Module number or name, e.g. 00.")
  String module;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "50", description = "How many shuffled runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the first run; the others derive from it (default: ${DEFAULT-VALUE}). --runs 1 --seed S replays one run.")
  long seed;

  @Override
  public Integer call() {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs " + runs + " runs nothing: give 1 or more");
    }
    CourseRepo repo = CourseCli.repo();
    if (!repo.hasSolutions()) {
      throw new IllegalStateException("the flake check grades the reference: it needs the instructor's repository");
    }
    return run(repo, repo.module(module), runs, seed, Libraries.of(repo.root()), ForkLimits.DEFAULT, System.out);
  }

  static int run(CourseRepo repo, ModuleId m, int runs, long seed, Libraries libraries, ForkLimits limits, PrintStream out) {
    out.println(m + ": " + runs + " shuffled run(s) of the graded tests against the reference, first seed " + seed);
    FlakeCheck.Result result = new FlakeCheck(repo, libraries, limits).check(m, runs, seed, done -> {
      if (done % 10 == 0 && done < runs) {
        out.println("  " + done + "/" + runs + " runs done");
      }
    });
    for (FlakeCheck.Flake f : result.flakes()) {
      out.println("  FLAKY " + f.test().displayName() + " (exercise " + f.test().exercise() + "): failed in "
          + f.seeds().size() + "/" + runs + " runs, seeds " + f.seeds() + ": " + f.message());
      out.println("    replay: ./course flaky " + m.number() + " --runs 1 --seed " + f.seeds().get(0));
    }
    for (FlakeCheck.BadRun b : result.badRuns()) {
      out.println("  run with seed " + b.seed() + " ended abnormally: " + b.problem());
    }
    out.println(result.clean() ? m + ": no graded test failed in " + runs + " shuffled runs"
        : m + ": " + result.flakes().size() + " test(s) failed at least once");
    return result.clean() ? 0 : 1;
  }
}
