package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.dist.GradescopePackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "gradescope",
    mixinStandardHelpOptions = true,
    description = {
      "Build a Gradescope autograder package (setup.sh, run_autograder, the grader, the hidden tests).",
      "Upload OUT.zip as the autograder of a Gradescope programming assignment; students submit",
      "their repository (or the module folders of exercises/). Nothing is downloaded at grading",
      "time but the JDK that setup.sh installs."
    })
final class GradescopeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "OUT.zip", description = "Where to write the package.")
  Path out;

  @Option(names = "--modules", paramLabel = "NN", split = ",",
      description = "Grade these modules (default: every module with a solution).")
  List<String> modules;

  @Override
  public Integer call() {
    CourseRepo repo = CourseCli.repo();
    List<ModuleId> selected =
        modules == null ? repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList()
            : modules.stream().map(repo::module).distinct().sorted().toList();
    GradescopePackage.Result r = new GradescopePackage(repo, Libraries.of(repo.root())).write(out, selected);
    System.out.println("wrote " + out + ": grades modules "
        + r.modules().stream().map(ModuleId::directoryName).collect(Collectors.joining(", "))
        + " out of " + r.maxPoints() + " points (" + r.files() + " files).");
    System.out.println("Upload it as the autograder of a Gradescope programming assignment worth " + r.maxPoints() + " points.");
    return 0;
  }
}
