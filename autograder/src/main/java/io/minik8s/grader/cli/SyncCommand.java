package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.sync.ExerciseSync;
import io.minik8s.grader.sync.MarkerException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Regenerate exercises/ from solutions/.",
      "Each // BEGIN EXERCISE ... // END EXERCISE region of a solution becomes a TODO stub.",
      "With --check, change nothing and fail (exit 1) naming every file that differs."
    })
final class SyncCommand implements Callable<Integer> {

  @Option(names = "--check", description = "Only report drift; exit 1 if exercises/ is out of date.")
  boolean check;

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    if (!repo.hasSolutions()) {
      throw new IllegalStateException("sync needs solutions/, which only the instructor's repository has");
    }
    ExerciseSync sync = new ExerciseSync(repo);
    try {
      if (check) {
        List<String> drift = sync.check();
        drift.forEach(d -> System.out.println("out of sync: " + d));
        if (!drift.isEmpty()) {
          System.out.println("Run ./course sync to regenerate exercises/ (never edit generated files by hand).");
          return 1;
        }
        System.out.println("exercises/ is in sync with solutions/ (" + sync.modules().size() + " module(s))");
        return 0;
      }
      List<Path> changed = sync.write();
      changed.forEach(p -> System.out.println("wrote " + repo.root().relativize(p)));
      System.out.println(changed.isEmpty() ? "exercises/ was already in sync" : changed.size() + " file(s) regenerated");
      return 0;
    } catch (MarkerException e) {
      e.problems().forEach(System.err::println);
      return 1;
    }
  }
}
