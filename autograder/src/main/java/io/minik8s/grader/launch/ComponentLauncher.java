package io.minik8s.grader.launch;

import io.minik8s.grader.build.CodeSource;
import io.minik8s.grader.build.CompileResult;
import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.build.ModuleChain;
import io.minik8s.grader.build.ModuleCompiler;
import io.minik8s.grader.build.SourceTree;
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
 * compile cache, then starts its main class in a child JVM that shares this terminal. Runs a
 * benchmark of {@code bench/} the same way, on the reference modules.
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
    ModuleChain.Result built = compileUpTo(ModuleId.fromDirectoryName(component.module()), all, fromExercises);
    if (!built.ok()) {
      return compileFailed(built);
    }
    return start(component.name(), built.classes(), component.mainClass(), args);
  }

  /**
   * Runs a benchmark: compiles the reference modules up to the one it measures, then
   * {@code bench/src/main} on top of them, and starts its main class.
   *
   * @return the benchmark's exit code
   */
  public int bench(Benchmark benchmark, List<String> args) throws IOException, InterruptedException {
    Path bench = repo.root().resolve("bench");
    if (!Files.isDirectory(bench.resolve("src/main/java"))) {
      throw new IllegalStateException("no benchmarks here: " + bench + "/src/main/java is missing");
    }
    ModuleChain.Result built = compileUpTo(ModuleId.fromDirectoryName(benchmark.module()), false, Set.of());
    if (!built.ok()) {
      return compileFailed(built);
    }
    List<Path> classpath = new ArrayList<>(libraries.entries());
    classpath.addAll(built.classes());
    CompileResult compiled = compiler().compile("bench",
        new SourceTree(List.of(bench.resolve("src/main/java")), List.of(bench.resolve("src/main/resources"))), classpath);
    if (!compiled.ok()) {
      return compileFailed("bench", compiled);
    }
    List<Path> classes = new ArrayList<>(built.classes());
    classes.add(compiled.classes());
    return start(benchmark.name(), classes, benchmark.mainClass(), args);
  }

  /** Compiles {@code target} and every module below it, each from the reference or from exercises/. */
  private ModuleChain.Result compileUpTo(ModuleId target, boolean all, Set<String> fromExercises) {
    CodeSource reference = new CodeSource("reference", repo.root().resolve("solutions"));
    CodeSource mine = new CodeSource("exercises", repo.root().resolve("exercises"));
    List<ModuleChain.Link> links = new ArrayList<>();
    for (ModuleId m : repo.codeModules()) {
      if (m.compareTo(target) <= 0) {
        boolean student = all || fromExercises.contains(m.number()) || !Files.isDirectory(reference.moduleDir(m));
        links.add(new ModuleChain.Link(m, student ? mine : reference));
      }
    }
    return new ModuleChain(compiler(), libraries).compile(links);
  }

  private ModuleCompiler compiler() {
    return new ModuleCompiler(repo.stateDir().resolve("cache"), repo.root());
  }

  private static int compileFailed(ModuleChain.Result built) {
    return compileFailed(built.failedLink().module() + " (" + built.failedLink().code().label() + ")", built.failure());
  }

  private static int compileFailed(String what, CompileResult failure) {
    System.err.println("course: " + what + " does not compile:\n" + failure.errors());
    return 1;
  }

  /** Starts {@code mainClass} in a child JVM sharing this terminal, and waits for it; stopping us stops it. */
  private int start(String name, List<Path> classes, String mainClass, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    List<Path> classpath = new ArrayList<>(classes);
    classpath.addAll(libraries.entries());
    command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(mainClass);
    command.addAll(args);
    Process process = new ProcessBuilder(command).inheritIO().start();
    Thread stopChild = new Thread(process::destroy, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(stopChild);
    int exit = process.waitFor();
    Runtime.getRuntime().removeShutdownHook(stopChild);
    return exit;
  }
}
