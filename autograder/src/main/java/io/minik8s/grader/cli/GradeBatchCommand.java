package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.SubmissionCopy;
import io.minik8s.grader.report.CsvGradebook;
import io.minik8s.grader.report.MarkdownReport;
import io.minik8s.grader.run.ForkLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "grade-batch",
    mixinStandardHelpOptions = true,
    description = {
      "Grade every submission in DIR into a CSV gradebook.",
      "DIR holds one directory, git checkout or .zip per student. A Markdown report per student is written beside",
      "the CSV. Each submission is graded in its own temporary copy."
    })
final class GradeBatchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "A directory with one entry per student.")
  Path dir;

  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Where to write the gradebook.")
  Path csv;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Submissions graded at once (default: half the cores, at least 1, so time limits stay meaningful).")
  Integer jobs;

  @Option(names = "--integrated", description = "Build each module on the submission's own lower modules.")
  boolean integrated;

  @Override
  public Integer call() throws Exception {
    CourseRepo repo = CourseCli.repo();
    List<Path> submissions;
    try (Stream<Path> entries = Files.list(dir)) {
      submissions = entries.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".zip")).sorted().toList();
    }
    if (submissions.isEmpty()) {
      throw new IllegalArgumentException(dir + " has no submissions (directories or .zip files)");
    }
    List<ModuleId> modules = repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList();
    Map<ModuleId, Lesson> lessons = new LinkedHashMap<>();
    modules.forEach(m -> lessons.put(m, repo.lesson(m)));
    CsvGradebook gradebook = new CsvGradebook(lessons);
    CourseGrader grader = new CourseGrader(repo, Libraries.of(repo.root()), ForkLimits.DEFAULT);
    Path reports = csv.toAbsolutePath().resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + "-reports");
    Files.createDirectories(reports);

    int parallel = jobs != null ? Math.max(1, jobs) : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    AtomicInteger done = new AtomicInteger();
    Instant start = Instant.now();
    Map<Path, Future<String>> rows = new LinkedHashMap<>();
    for (Path submission : submissions) {
      rows.put(submission, pool.submit(() -> {
        String student = submission.getFileName().toString().replaceFirst("\\.zip$", "");
        String row = gradeOne(grader, modules, gradebook, reports, student, submission);
        int n = done.incrementAndGet();
        Duration elapsed = Duration.between(start, Instant.now());
        Duration eta = elapsed.multipliedBy(submissions.size() - n).dividedBy(n);
        System.err.printf("[%d/%d] %s  (ETA %dm%02ds)%n", n, submissions.size(), student, eta.toMinutes(), eta.toSecondsPart());
        return row;
      }));
    }
    StringBuilder out = new StringBuilder(gradebook.header());
    try {
      for (Future<String> row : rows.values()) {
        out.append(row.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Files.writeString(csv, out.toString());
    System.out.println("wrote " + csv + " (" + submissions.size() + " submissions) and reports in " + reports);
    return 0;
  }

  private String gradeOne(
      CourseGrader grader, List<ModuleId> modules, CsvGradebook gradebook, Path reports, String student, Path submission)
      throws IOException {
    try (SubmissionCopy copy = SubmissionCopy.of(submission)) {
      GradeReport report = grader.grade(Optional.of(copy.root()), modules, integrated);
      report = new GradeReport(student, report.mode(), report.modules());
      Files.writeString(reports.resolve(student + ".md"), MarkdownReport.render(report));
      return gradebook.row(student, report);
    } catch (RuntimeException e) {
      Files.writeString(reports.resolve(student + ".md"), "# " + student + "\n\nNot graded: " + e.getMessage() + "\n");
      return gradebook.invalidRow(student);
    }
  }
}
