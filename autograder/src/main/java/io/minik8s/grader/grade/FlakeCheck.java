package io.minik8s.grader.grade;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.run.GradedTest;
import io.minik8s.grader.run.TestFork;
import io.minik8s.grader.run.TestOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Grades the reference of one module over and over in the grader's own forked runner, each run
 * with test classes and methods shuffled by a different seed, and reports every graded test that
 * ever fails. A graded test that fails on the reference only sometimes costs students points for
 * nothing; the seed of the failing run replays its order.
 */
public final class FlakeCheck {

  /** A graded test that failed in some runs: the seeds of those runs and the first failure's message. */
  public record Flake(GradedTest test, List<Long> seeds, String message) {}

  /** A run that ended abnormally (crash, module time limit): its seed and the reason. */
  public record BadRun(long seed, String problem) {}

  public record Result(ModuleId module, int runs, List<Flake> flakes, List<BadRun> badRuns) {
    public boolean clean() {
      return flakes.isEmpty() && badRuns.isEmpty();
    }
  }

  private final CourseRepo repo;
  private final Libraries libraries;
  private final ForkLimits limits;

  public FlakeCheck(CourseRepo repo, Libraries libraries, ForkLimits limits) {
    this.repo = repo;
    this.libraries = libraries;
    this.limits = limits;
  }

  /**
   * @param runs how many shuffled runs
   * @param firstSeed the seed of the first run; the others come from a generator seeded with it
   *     (consecutive seeds would not do: {@code java.util.Random}, which JUnit shuffles with, gives
   *     nearly the same first draws for nearby seeds)
   * @param afterRun told how many runs are done, after each
   */
  public Result check(ModuleId module, int runs, long firstSeed, IntConsumer afterRun) {
    Map<String, GradedTest> tests = new LinkedHashMap<>();
    Map<String, List<Long>> seeds = new LinkedHashMap<>();
    Map<String, String> messages = new LinkedHashMap<>();
    List<BadRun> badRuns = new ArrayList<>();
    SplittableRandom next = new SplittableRandom(firstSeed);
    for (int i = 0; i < runs; i++) {
      long seed = i == 0 ? firstSeed : next.nextLong() & Long.MAX_VALUE;
      CourseGrader grader = new CourseGrader(repo, libraries, new TestFork(limits).shuffled(seed));
      ModuleGrade grade = grader.grade(Optional.empty(), List.of(module), false).modules().get(0);
      if (grade.problem() != null) {
        badRuns.add(new BadRun(seed, firstLine(grade.problem())));
      }
      List<TestOutcome> outcomes = new ArrayList<>(grade.strays());
      grade.exercises().forEach(e -> outcomes.addAll(e.outcomes()));
      for (TestOutcome o : outcomes) {
        if (!o.passed()) {
          tests.putIfAbsent(o.test().key(), o.test());
          seeds.computeIfAbsent(o.test().key(), k -> new ArrayList<>()).add(seed);
          messages.putIfAbsent(o.test().key(), o.firstLine());
        }
      }
      afterRun.accept(i + 1);
    }
    List<Flake> flakes = new ArrayList<>();
    tests.forEach((key, test) -> flakes.add(new Flake(test, List.copyOf(seeds.get(key)), messages.get(key))));
    return new Result(module, runs, List.copyOf(flakes), List.copyOf(badRuns));
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
