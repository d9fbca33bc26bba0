package io.minik8s.grader.launch;

import io.minik8s.grader.build.CodeSource;
import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.build.ModuleChain;
import io.minik8s.grader.build.ModuleCompiler;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a component from source: compiles its module and every module below it (from the
 * reference, or from the student's exercises for the modules they choose) with the grader's
 * compile cache, then starts its main class in a child JVM that shares this terminal.
 */
public final class ComponentLauncher {

  private final CourseRepo repo;
  private final Libraries libraries;

  public ComponentLauncher(CourseRepo repo, Libraries libraries) {
    this.repo = repo;
    this.libraries = libraries;
  }

  /**
   * @param fromExercises module numbers taken from exercises/ instead of the reference; every
   *     module when {@code all} is true
   * @return the component's exit code
   */
  public int run(Component component, boolean all, Set<String> fromExercises, List<String> args)
      throws IOException, InterruptedException {
    ModuleId target = ModuleId.fromDirectoryName(component.module());
    CodeSource reference = new CodeSource("reference", repo.root().resolve("solutions"));
    CodeSource mine = new CodeSource("exercises", repo.root().resolve("exercises"));
    List<ModuleChain.Link> links = new ArrayList<>();
    for (ModuleId m : repo.codeModules()) {
      if (m.compareTo(target) <= 0) {
        boolean student = all || fromExercises.contains(m.number()) || !Files.isDirectory(reference.moduleDir(m));
        links.add(new ModuleChain.Link(m, student ? mine : reference));
      }
    }
    ModuleChain.Result built =
        new ModuleChain(new ModuleCompiler(repo.stateDir().resolve("cache"), repo.root()), libraries).compile(links);
    if (!built.ok()) {
      System.err.println("course: " + built.failedLink().module() + " (" + built.failedLink().code().label()
          + ") does not compile:\n" + built.failure().errors());
      return 1;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    List<Path> classpath = new ArrayList<>(built.classes());
    classpath.addAll(libraries.entries());
    command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(component.mainClass());
    command.addAll(args);
    Process process = new ProcessBuilder(command).inheritIO().start();
    Thread stopChild = new Thread(process::destroy, "stop-" + component.name());
    Runtime.getRuntime().addShutdownHook(stopChild);
    int exit = process.waitFor();
    Runtime.getRuntime().removeShutdownHook(stopChild);
    return exit;
  }
}
