package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course}: the one entry point for students, instructors and the build. Each subcommand
 * is its own class; this class wires them and turns failures into one-line messages (a stack
 * trace only with {@code -v}).
 */
@Command(
    name = "./course",
    mixinStandardHelpOptions = true,
    version = "minik8s course 0.1",
    description = "Build a mini Kubernetes in Java, module by module, and grade it.",
    subcommands = {
      ListCommand.class,
      CheckCommand.class,
      WatchCommand.class,
      HintCommand.class,
      SyncCommand.class,
      GradeCommand.class,
      GradeBatchCommand.class,
      TeethCommand.class,
      MutationCommand.class,
      FlakyCommand.class,
      RunCommand.class,
      BenchCommand.class,
      GradescopeCommand.class,
      DistCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Students: ./course list, ./course check 00, ./course watch 00, ./course hint 0.2",
      "Instructors: ./course grade --reference, ./course grade PATH, ./course grade-batch DIR --csv FILE",
      "Distribution: ./course dist OUT (student repository), ./course gradescope OUT.zip (autograder package)",
      "Teeth: ./course teeth, ./course mutation 00 (PIT on the exercise regions), ./course flaky 00 --runs 50",
      "Cluster: ./course run store --port 0",
      "Benchmarks: ./course bench store (ours vs real etcd)"
    })
public final class CourseCli implements Runnable {

  /** Exit code for a command line that does not parse, as picocli and POSIX tools use. */
  static final int USAGE = 2;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces on errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    CommandLine cli = new CommandLine(new CourseCli());
    if (StudentEdition.applies()) {
      if (args.length > 0 && StudentEdition.INSTRUCTOR_ONLY.contains(args[0])) {
        cli.getErr().println("course: " + StudentEdition.refusal(args[0]));
        return USAGE;
      }
      StudentEdition.hideInstructorCommands(cli);
    }
    // everything after a component's name is the component's own flags, --help included
    cli.getSubcommands().get("run").setStopAtPositional(true);
    cli.getSubcommands().get("bench").setStopAtPositional(true);
    cli.setParameterExceptionHandler(
        (ex, ignored) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("course: " + describe(ex));
          err.println("Usage: " + ex.getCommandLine().getCommandSpec().qualifiedName()
              + " --help shows the commands and options.");
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean verbose = parseResult.hasMatchedOption("-v") || parseResult.subcommands().stream()
              .anyMatch(p -> p.hasMatchedOption("-v"));
          commandLine.getErr().println("course: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
          if (verbose) {
            ex.printStackTrace(commandLine.getErr());
          }
          return 1;
        });
    return cli.execute(args);
  }

  /** The repository this launcher belongs to: {@code -Dminik8s.home}, else the one around the working directory. */
  static CourseRepo repo() {
    String home = System.getProperty("minik8s.home");
    if (home != null) {
      return new CourseRepo(Path.of(home));
    }
    return CourseRepo.find(Path.of(""))
        .orElseThrow(() -> new IllegalStateException("not inside the minik8s course repository: cd into it first"));
  }

  private static String describe(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && ex.getCommandLine().getCommandSpec().parent() == null
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    return firstLine(ex.getMessage());
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
