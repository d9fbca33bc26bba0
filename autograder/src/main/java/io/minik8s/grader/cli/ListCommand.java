package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List modules and exercises with their points and your progress from the last check.",
    footer = "Points count visible and hidden tests; progress shows the visible tests of your last ./course check.")
final class ListCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    Progress progress = new Progress(repo);
    for (ModuleId module : repo.modules()) {
      Lesson lesson = repo.lesson(module);
      Map<String, Progress.Score> done = progress.load(module);
      System.out.printf("%s  %d points%s%n", module.directoryName(), lesson.totalPoints(),
          done.isEmpty() ? "  (not checked yet: ./course check " + module.number() + ")" : "");
      for (Exercise e : lesson.exercises()) {
        Progress.Score score = done.get(e.id());
        String mark = score == null ? " " : score.complete() ? "\u2713" : "\u2717";
        String visible = score == null ? "" : String.format("visible tests %d/%d", score.earned(), score.max());
        System.out.printf("  %s %-5s %-32s %3d points  %s%n", mark, e.id(), e.title(), e.points(), visible);
      }
    }
    return 0;
  }
}
