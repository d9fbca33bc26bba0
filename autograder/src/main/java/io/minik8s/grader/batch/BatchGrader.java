package io.minik8s.grader.batch;

import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.SubmissionCopy;
import io.minik8s.grader.report.CsvGradebook;
import io.minik8s.grader.report.MarkdownReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Grades a directory of submissions (one directory, git checkout or .zip per student) into a CSV
 * gradebook with a Markdown report per student in {@code <csv name>-reports/} beside it.
 *
 * <p>Each submission is graded from its own temporary copy, its tests in their own forked JVMs,
 * so a submission that loops, exits or kills its JVM costs only its own row (status
 * {@code timeout} or {@code crashed}); one that cannot be graded at all (no exercises/, a broken
 * zip) gets status {@code invalid}. Rows are in the order of the submissions' names, whatever
 * order the jobs finish in.
 */
public final class BatchGrader {

  private final CourseGrader grader;
  private final CsvGradebook gradebook;
  private final List<ModuleId> modules;
  private final boolean integrated;
  private final int jobs;
  private final Clock clock;
  private final PrintStream progress;

  public BatchGrader(
      CourseGrader grader, CsvGradebook gradebook, List<ModuleId> modules, boolean integrated, int jobs,
      Clock clock, PrintStream progress) {
    this.grader = grader;
    this.gradebook = gradebook;
    this.modules = List.copyOf(modules);
    this.integrated = integrated;
    this.jobs = jobs;
    this.clock = clock;
    this.progress = progress;
  }

  /** The submissions in {@code dir}: its directories and .zip files, by name. */
  public static List<Path> submissionsIn(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> found =
          entries.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".zip"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
      if (found.isEmpty()) {
        throw new IllegalArgumentException(dir + " has no submissions: put one directory or .zip per student in it");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Grades {@code submissions}, writes {@code csv} and the reports, and returns the reports' directory. */
  public Path run(List<Path> submissions, Path csv) throws IOException, InterruptedException {
    Path reports = reportsDir(csv);
    Files.createDirectories(reports);
    BatchProgress bar = new BatchProgress(submissions.size(), clock, progress);
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    List<Future<String>> rows = new ArrayList<>();
    try {
      for (Path submission : submissions) {
        rows.add(pool.submit(() -> gradeOne(submission, reports, bar)));
      }
      StringBuilder out = new StringBuilder(gradebook.header());
      for (Future<String> row : rows) {
        out.append(row.get());
      }
      Files.writeString(csv, out.toString());
    } catch (ExecutionException e) {
      throw new IllegalStateException("grading failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return reports;
  }

  /** {@code grades.csv} has its reports in {@code grades-reports/}. */
  public static Path reportsDir(Path csv) {
    String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
    return csv.toAbsolutePath().resolveSibling(name + "-reports");
  }

  private String gradeOne(Path submission, Path reports, BatchProgress bar) throws IOException {
    String student = submission.getFileName().toString().replaceFirst("\\.zip$", "");
    Path report = reports.resolve(student + ".md");
    String row;
    String summary;
    try (SubmissionCopy copy = SubmissionCopy.of(submission)) {
      GradeReport graded = grader.grade(Optional.of(copy.root()), modules, integrated);
      graded = new GradeReport(student, graded.mode(), graded.modules());
      Files.writeString(report, MarkdownReport.render(graded));
      row = gradebook.row(student, graded);
      summary = graded.status() + " " + graded.earned() + "/" + graded.max();
    } catch (RuntimeException e) {
      // one unreadable submission must not stop the other 299
      Files.writeString(report, "# " + student + "\n\nNot graded: " + e.getMessage() + "\n");
      row = gradebook.invalidRow(student);
      summary = "invalid: " + e.getMessage();
    }
    bar.finished(student, summary);
    return row;
  }
}
