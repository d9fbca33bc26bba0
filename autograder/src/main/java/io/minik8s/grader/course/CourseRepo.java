package io.minik8s.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The course repository on disk and where each part of a module lives:
 *
 * <pre>
 * lessons/NN-name/README.md     exercise table and hints
 * solutions/NN-name/src/...     reference code and visible tests (instructor repo only)
 * exercises/NN-name/src/...     generated skeleton; students write here
 * autograder/hidden/NN-name/    hidden tests (instructor repo only)
 * .course/                      caches and progress, never committed
 * </pre>
 *
 * A student checkout has the same layout without solutions and hidden tests.
 */
public record CourseRepo(Path root) {

  public CourseRepo {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * Finds the repository containing {@code start}: the nearest ancestor with a {@code lessons}
   * directory and a {@code course} launcher.
   */
  public static Optional<CourseRepo> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("lessons")) && Files.isRegularFile(dir.resolve("course"))) {
        return Optional.of(new CourseRepo(dir));
      }
    }
    return Optional.empty();
  }

  /** Every module that has a lesson, in order. */
  public List<ModuleId> modules() {
    TreeSet<ModuleId> modules = new TreeSet<>();
    addModulesIn(root.resolve("lessons"), "README.md", modules);
    return List.copyOf(modules);
  }

  /** Every module with code in solutions/ or exercises/, lesson or not, in order. */
  public List<ModuleId> codeModules() {
    TreeSet<ModuleId> modules = new TreeSet<>();
    addModulesIn(root.resolve("solutions"), "src", modules);
    addModulesIn(root.resolve("exercises"), "src", modules);
    return List.copyOf(modules);
  }

  /** Adds the {@code NN-name} directories of {@code parent} that contain {@code marker}. */
  private static void addModulesIn(Path parent, String marker, TreeSet<ModuleId> modules) {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(parent)) {
      dirs.filter(dir -> Files.exists(dir.resolve(marker)))
          .map(dir -> ModuleId.fromDirectoryName(dir.getFileName().toString()))
          .filter(m -> m != null)
          .forEach(modules::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + parent, e);
    }
  }

  /** The module a user named ({@code 0}, {@code 00}, {@code objects}, {@code 00-objects}). */
  public ModuleId module(String query) {
    return modules().stream()
        .filter(m -> m.matches(query))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no module '" + query + "': ./course list shows the modules"));
  }

  /** The module an exercise id belongs to: {@code 1.3} is module {@code 01}. */
  public ModuleId moduleOfExercise(String exerciseId) {
    String number = exerciseId.substring(0, Math.max(0, exerciseId.indexOf('.')));
    return modules().stream()
        .filter(m -> number.matches("\\d+") && Integer.parseInt(m.number()) == Integer.parseInt(number))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no exercise '" + exerciseId + "': ./course list shows the exercises"));
  }

  public boolean hasSolutions() {
    return Files.isDirectory(root.resolve("solutions"));
  }

  public Path lessonFile(ModuleId m) {
    return root.resolve("lessons").resolve(m.directoryName()).resolve("README.md");
  }

  public Lesson lesson(ModuleId m) {
    return Lesson.read(lessonFile(m));
  }

  public Path solutionDir(ModuleId m) {
    return root.resolve("solutions").resolve(m.directoryName());
  }

  public Path exerciseDir(ModuleId m) {
    return root.resolve("exercises").resolve(m.directoryName());
  }

  public Path hiddenTestsDir(ModuleId m) {
    return root.resolve("autograder").resolve("hidden").resolve(m.directoryName());
  }

  /** Caches and per-user state; ignored by git. */
  public Path stateDir() {
    return root.resolve(".course");
  }
}
