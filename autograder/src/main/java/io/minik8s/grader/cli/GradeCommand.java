package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.report.GradescopeReport;
import io.minik8s.grader.report.JsonReport;
import io.minik8s.grader.report.MarkdownReport;
import io.minik8s.grader.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grade a student checkout, or the reference with --reference.",
      "The visible and hidden tests come from this repository, never from the submission.",
      "Module N is graded on the reference modules below N unless --integrated is given.",
      "Exit code 0 when grading ran (whatever the score), 1 when it could not."
    })
final class GradeCommand implements Callable<Integer> {

  enum Format { text, markdown, json, gradescope }

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "A student checkout (a directory with exercises/).")
  Path submission;

  @Option(names = "--reference", description = "Grade the reference solution (solutions/).")
  boolean reference;

  @Option(names = "--module", paramLabel = "NN", split = ",", description = "Grade only these modules (default: all).")
  List<String> modules;

  @Option(names = "--integrated", description = "Build each module on the submission's own lower modules.")
  boolean integrated;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, markdown, json or gradescope (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of to the terminal.")
  Path out;

  @Mixin ForkOptions forkOptions = new ForkOptions();

  @Option(names = "--reveal-hidden", description = "Show hidden tests' failure messages in the gradescope format.")
  boolean revealHidden;

  @Override
  public Integer call() throws IOException {
    if (reference == (submission != null)) {
      throw new IllegalArgumentException("give either a PATH to a student checkout or --reference");
    }
    if (submission != null && !Files.isDirectory(submission.resolve("exercises"))) {
      throw new IllegalArgumentException(submission + " is not a course checkout: it has no exercises/ directory");
    }
    CourseRepo repo = CourseCli.repo();
    List<ModuleId> selected =
        modules == null ? repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList()
            : modules.stream().map(repo::module).toList();
    GradeReport report =
        new CourseGrader(repo, Libraries.of(repo.root()), forkOptions.fork())
            .withModuleJobs(forkOptions.jobs())
            .grade(Optional.ofNullable(submission).map(p -> p.toAbsolutePath().normalize()), selected, integrated);
    String rendered =
        switch (format) {
          case text -> TextReport.render(report);
          case markdown -> MarkdownReport.render(report);
          case json -> JsonReport.render(report);
          case gradescope -> GradescopeReport.render(report, revealHidden);
        };
    if (out == null) {
      System.out.print(rendered);
    } else {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      Files.writeString(out, rendered);
      System.out.println("wrote " + out + ": " + report.earned() + "/" + report.max() + " (" + report.status() + ")");
    }
    return 0;
  }
}
