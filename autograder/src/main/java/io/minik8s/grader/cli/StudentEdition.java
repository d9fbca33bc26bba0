package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * The launcher in a student checkout (one without {@code solutions/}, as {@code ./course dist}
 * writes it): the commands that need the reference or the hidden tests are hidden from the help
 * and answer with a pointer to {@code ./course check} instead of failing half-way.
 */
final class StudentEdition {

  /** Commands only the instructor's repository can run. */
  static final Set<String> INSTRUCTOR_ONLY =
      Set.of("grade", "grade-batch", "teeth", "sync", "gradescope", "dist", "mutation", "flaky");

  private StudentEdition() {}

  /** True when the launcher runs in a student checkout. */
  static boolean applies() {
    String home = System.getProperty("minik8s.home");
    Optional<CourseRepo> repo = home != null ? Optional.of(new CourseRepo(Path.of(home))) : CourseRepo.find(Path.of(""));
    return repo.isPresent() && !repo.get().hasSolutions();
  }

  /** Hides the instructor commands from {@code ./course --help}. */
  static void hideInstructorCommands(CommandLine cli) {
    cli.getSubcommands().forEach((name, sub) -> {
      if (INSTRUCTOR_ONLY.contains(name)) {
        sub.getCommandSpec().usageMessage().hidden(true);
      }
    });
    cli.getCommandSpec().usageMessage().footer(
        "",
        "Your work: ./course list, ./course check 00, ./course watch 00, ./course hint 0.2",
        "Run your modules: ./course run store --port 0");
  }

  /** The answer to an instructor command in a student checkout. */
  static String refusal(String command) {
    return "'" + command + "' needs the instructor's repository (reference solutions and hidden tests); "
        + "in your checkout, ./course check NN runs a module's visible tests against your code";
  }
}
