package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Lesson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "hint", mixinStandardHelpOptions = true, description = "Print the lesson's hints for one exercise.")
final class HintCommand implements Callable<Integer> {

  @Parameters(paramLabel = "EXERCISE", description = "An exercise id, e.g. 0.2.")
  String exercise;

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    Lesson lesson = repo.lesson(repo.moduleOfExercise(exercise));
    String title =
        lesson.exercise(exercise)
            .orElseThrow(() -> new IllegalArgumentException("no exercise '" + exercise + "': ./course list shows the exercises"))
            .title();
    String hint = lesson.hints().get(exercise);
    System.out.println("Exercise " + exercise + " — " + title + "\n");
    System.out.println(hint == null ? "This exercise has no hints yet; the lesson is " + repo.root().relativize(lesson.file()) : hint);
    return 0;
  }
}
