package io.minik8s.grader.build;

import io.minik8s.grader.course.ModuleId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a stack of modules in order, each on top of the ones before it: what both grading
 * (module N on modules below N) and running a component (its module and everything below) need.
 */
public final class ModuleChain {

  private final ModuleCompiler compiler;
  private final Libraries libraries;

  public ModuleChain(ModuleCompiler compiler, Libraries libraries) {
    this.compiler = compiler;
    this.libraries = libraries;
  }

  /** A module to compile and where its code comes from. */
  public record Link(ModuleId module, CodeSource code) {}

  /**
   * The outcome: the class directories of the modules compiled, in order, and the first failure
   * (null when every module compiled).
   */
  public record Result(List<Path> classes, Link failedLink, CompileResult failure) {

    public boolean ok() {
      return failure == null;
    }
  }

  public Result compile(List<Link> links) {
    List<Path> classpath = new ArrayList<>(libraries.entries());
    List<Path> classes = new ArrayList<>();
    for (Link link : links) {
      CompileResult result = compileMain(link, classpath);
      if (!result.ok()) {
        return new Result(List.copyOf(classes), link, result);
      }
      classpath.add(result.classes());
      classes.add(result.classes());
    }
    return new Result(List.copyOf(classes), null, null);
  }

  private CompileResult compileMain(Link link, List<Path> classpath) {
    return compiler.compile(
        link.module() + " (" + link.code().label() + ")",
        new SourceTree(List.of(link.code().mainJava(link.module())), List.of(link.code().mainResources(link.module()))),
        classpath);
  }
}
