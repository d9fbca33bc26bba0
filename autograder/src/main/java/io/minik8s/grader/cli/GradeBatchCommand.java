package io.minik8s.grader.cli;

import io.minik8s.grader.batch.BatchGrader;
import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.report.CsvGradebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "grade-batch",
    mixinStandardHelpOptions = true,
    description = {
      "Grade every submission in DIR into a CSV gradebook.",
      "DIR holds one directory, git checkout or .zip per student. A Markdown report per student is written beside",
      "the CSV, and a progress line per submission (done/total, ETA) on stderr. Each submission is graded in its",
      "own temporary copy; one that loops or kills its JVM gets status timeout or crashed and the batch goes on."
    })
final class GradeBatchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "A directory with one entry per student.")
  Path dir;

  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Where to write the gradebook.")
  Path csv;

  @Mixin ForkOptions forkOptions = new ForkOptions();

  @Option(names = "--integrated", description = "Build each module on the submission's own lower modules.")
  boolean integrated;

  @Override
  public Integer call() throws Exception {
    CourseRepo repo = CourseCli.repo();
    List<Path> submissions = BatchGrader.submissionsIn(dir);
    List<ModuleId> modules = repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList();
    Map<ModuleId, Lesson> lessons = new LinkedHashMap<>();
    modules.forEach(m -> lessons.put(m, repo.lesson(m)));
    int parallel = forkOptions.jobs();
    BatchGrader batch =
        new BatchGrader(new CourseGrader(repo, Libraries.of(repo.root()), forkOptions.fork()), new CsvGradebook(lessons),
            modules, integrated, parallel, Clock.systemUTC(), System.err);
    Path reports = batch.run(submissions, csv);
    System.out.println("wrote " + csv + " (" + submissions.size() + " submissions) and reports in " + reports);
    return 0;
  }
}
