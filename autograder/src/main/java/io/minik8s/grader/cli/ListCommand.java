package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List modules and exercises with their points and your progress from the last check.")
final class ListCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    Progress progress = new Progress(repo);
    for (ModuleId module : repo.modules()) {
      Lesson lesson = repo.lesson(module);
      Map<String, Integer> done = progress.load(module);
      int earned = done.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf("%s  %d/%d points%s%n", module.directoryName(), earned, lesson.totalPoints(),
          done.isEmpty() ? "  (not checked yet: ./course check " + module.number() + ")" : "");
      for (Exercise e : lesson.exercises()) {
        Integer points = done.get(e.id());
        String mark = points == null ? " " : points == e.points() ? "\u2713" : "\u2717";
        System.out.printf("  %s %-5s %-40s %s/%d%n", mark, e.id(), e.title(), points == null ? "-" : points, e.points());
      }
    }
    return 0;
  }
}
