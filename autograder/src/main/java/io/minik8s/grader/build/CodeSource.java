package io.minik8s.grader.build;

import io.minik8s.grader.course.ModuleId;
import java.nio.file.Path;

/**
 * Where modules' main code comes from: {@code modulesDir/NN-name/src/main/{java,resources}}.
 * The reference is {@code solutions/}, a student's work is {@code exercises/} of their checkout.
 */
public record CodeSource(String label, Path modulesDir) {

  public Path moduleDir(ModuleId module) {
    return modulesDir.resolve(module.directoryName());
  }

  public Path mainJava(ModuleId module) {
    return moduleDir(module).resolve("src/main/java");
  }

  public Path mainResources(ModuleId module) {
    return moduleDir(module).resolve("src/main/resources");
  }
}
