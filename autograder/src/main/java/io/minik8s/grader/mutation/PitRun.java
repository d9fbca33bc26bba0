package io.minik8s.grader.mutation;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs PIT on one module's reference with its visible and hidden tests through the Maven wrapper
 * and the parent pom's {@code mutation} profile (pitest-maven with the JUnit 5 plugin; build-only
 * tests excluded). The modules below are installed first, so the module builds on the current
 * reference rather than on whatever an older build left in the local Maven repository.
 */
public final class PitRun {

  private final CourseRepo repo;
  private final int threads;

  public PitRun(CourseRepo repo, int threads) {
    this.repo = repo;
    this.threads = threads;
  }

  /** Where PIT writes the report of {@code module}. */
  public Path report(ModuleId module) {
    return repo.solutionDir(module).resolve("target/pit-reports/mutations.xml");
  }

  /** Where the Maven output of a run goes. */
  public Path log(ModuleId module) {
    return repo.stateDir().resolve("mutation").resolve(module.directoryName() + ".log");
  }

  /** Runs PIT on the given classes and returns its report; a failed run is an error naming the log. */
  public Path run(ModuleId module, List<String> targetClasses) {
    String project = repo.root().relativize(repo.solutionDir(module)).toString().replace('\\', '/');
    Path log = log(module);
    maven(log, List.of("-q", "install", "-DskipTests", "-pl", project, "-am"), "installing the modules " + module + " builds on");
    maven(log, List.of(
        "-Pmutation", "-pl", project, "test-compile", "org.pitest:pitest-maven:mutationCoverage",
        "-DtargetClasses=" + String.join(",", targetClasses),
        "-Dthreads=" + threads), "PIT on " + module);
    return report(module);
  }

  private void maven(Path log, List<String> args, String what) {
    List<String> command = new ArrayList<>();
    command.add(repo.root().resolve(isWindows() ? "mvnw.cmd" : "mvnw").toString());
    command.add("-B");
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "$ " + String.join(" ", command) + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      Process p = new ProcessBuilder(command)
          .directory(repo.root().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      p.getOutputStream().close();
      int code = p.waitFor();
      if (code != 0) {
        throw new IllegalStateException(what + " failed (Maven exit code " + code + "): read " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + what, e);
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
  }
}
