package io.minik8s.grader.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The libraries every module and every test may use (JUnit, AssertJ, Jackson, ...) plus the
 * grader's own classes, which hold the forked test runner. The Maven build writes them to
 * {@code autograder/target/classpath.txt}; the grader never takes a library from a submission.
 * An entry may be relative to {@code autograder/target}, so a packaged grader can move.
 */
public record Libraries(List<Path> entries) {

  /** Reads the classpath the autograder build recorded under {@code repoRoot}. */
  public static Libraries of(Path repoRoot) {
    Path target = repoRoot.resolve("autograder").resolve("target");
    Path listing = target.resolve("classpath.txt");
    Path classes = target.resolve("classes");
    if (!Files.isRegularFile(listing) || !Files.isDirectory(classes)) {
      throw new IllegalStateException(
          "the autograder is not built: run ./course (it builds itself) or ./mvnw -pl autograder -am package -DskipTests");
    }
    List<Path> entries = new ArrayList<>();
    // the grader first, so a submission cannot shadow the runner or @Graded
    entries.add(classes);
    try {
      Arrays.stream(Files.readString(listing).strip().split(File.pathSeparator))
          .filter(s -> !s.isBlank())
          .map(target::resolve) // relative entries (a Gradescope package's lib/...) are under target/
          .forEach(entries::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + listing, e);
    }
    return new Libraries(List.copyOf(entries));
  }
}
