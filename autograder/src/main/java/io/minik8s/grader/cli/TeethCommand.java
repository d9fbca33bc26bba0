package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.TeethCheck;
import io.minik8s.grader.run.ForkLimits;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "teeth",
    mixinStandardHelpOptions = true,
    description = {
      "Prove every graded test fails on the skeleton and passes on the reference.",
      "Also checks each exercise's tests add up to its points in the lesson. The build runs it; exit 1 on any violation."
    })
final class TeethCommand implements Callable<Integer> {

  @Option(names = "--module", paramLabel = "NN", split = ",", description = "Only these modules (default: all).")
  List<String> modules;

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    TeethCheck teeth = new TeethCheck(repo, new CourseGrader(repo, Libraries.of(repo.root()), ForkLimits.DEFAULT));
    List<ModuleId> selected =
        modules == null ? repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList()
            : modules.stream().map(repo::module).toList();
    List<String> problems = new ArrayList<>();
    for (ModuleId m : selected) {
      List<String> found = teeth.check(m);
      System.out.println(m + ": " + (found.isEmpty() ? "ok" : found.size() + " problem(s)"));
      problems.addAll(found);
    }
    problems.forEach(p -> System.out.println("  " + p));
    return problems.isEmpty() ? 0 : 1;
  }
}
