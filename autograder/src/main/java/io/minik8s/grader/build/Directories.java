package io.minik8s.grader.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing the temporary trees the grader creates (fork working directories, staging). */
public final class Directories {

  private Directories() {}

  /**
   * Deletes {@code dir} and everything under it, best effort: a leftover temporary directory
   * costs disk space, never a wrong grade.
   */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort, see above
    }
  }
}
