package io.minik8s.grader.cli;

import io.minik8s.grader.dist.StudentDist;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "dist",
    mixinStandardHelpOptions = true,
    description = {
      "Write the student repository: exercises, lessons, slides, the launcher and the build,",
      "without solutions/, hidden tests or instructor notes. Its build uses the students' own",
      "modules where the instructor's uses the reference. The result is scanned for reference",
      "and hidden-test code and refused if any is found."
    })
final class DistCommand implements Callable<Integer> {

  @Parameters(paramLabel = "OUT", description = "A new (or empty) directory to write it to.")
  Path out;

  @Override
  public Integer call() {
    StudentDist.Result r = new StudentDist(CourseCli.repo()).write(out);
    System.out.println("wrote the student repository to " + out + ": " + r.files() + " files; no reference or hidden-test"
        + " content found in it (looked for " + r.scanned() + ").");
    System.out.println("Try it: cd " + out + " && ./course check 00");
    return 0;
  }
}
