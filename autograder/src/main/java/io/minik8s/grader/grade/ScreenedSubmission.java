package io.minik8s.grader.grade;

import io.minik8s.grader.build.CodeSource;
import io.minik8s.grader.build.Directories;
import io.minik8s.grader.course.ModuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part of a submission the grader uses, copied to a private temporary directory: for each
 * module, {@code exercises/NN-name/src/main/java} and {@code src/main/resources} and nothing else.
 * Each module's notes say what was left out, so a student learns that editing a test or the
 * pom.xml changed nothing:
 *
 * <ul>
 *   <li>every file outside {@code src/main} that differs from the instructor's skeleton: a test
 *       edited, added or deleted, a build file edited (grading compiles with its own flags and
 *       runs the instructor's visible and hidden tests);
 *   <li>main code that poses as the grader or the test libraries: a class in a package of JUnit,
 *       AssertJ, jqwik, ... or of the grader, a file using the grader's {@code @Graded} (graded
 *       tests come only from the instructor), a resource that configures JUnit. The grader's own
 *       libraries come first on every classpath, so such a class would never be loaded anyway;
 *       leaving it out says so instead of failing in a confusing way.
 * </ul>
 */
public final class ScreenedSubmission implements AutoCloseable {

  /** Packages that belong to the grader and the libraries tests run on. */
  static final List<String> RESERVED_PACKAGES =
      List.of(
          "org.junit", "org.opentest4j", "org.apiguardian", "org.assertj", "net.jqwik", "org.awaitility",
          "org.hamcrest", "picocli", "io.minik8s.grader", "io.minik8s.testkit");

  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern USES_GRADER = Pattern.compile("\\bio\\.minik8s\\.grader\\b");

  private final Path root;
  private final Map<ModuleId, List<String>> ignored;

  private ScreenedSubmission(Path root, Map<ModuleId, List<String>> ignored) {
    this.root = root;
    this.ignored = ignored;
  }

  /**
   * @param exercises the submission's {@code exercises/} directory
   * @param skeleton the instructor's {@code exercises/}, what an untouched submission holds
   * @param modules the modules to copy
   */
  public static ScreenedSubmission of(Path exercises, Path skeleton, List<ModuleId> modules) {
    Path root;
    try {
      root = Files.createTempDirectory("minik8s-screened-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
    Map<ModuleId, List<String>> ignored = new LinkedHashMap<>();
    try {
      for (ModuleId module : modules) {
        ignored.put(module, copyModule(exercises.resolve(module.directoryName()),
            skeleton.resolve(module.directoryName()), root.resolve("exercises").resolve(module.directoryName())));
      }
    } catch (IOException | RuntimeException e) {
      Directories.deleteRecursively(root);
      throw e instanceof IOException io ? new UncheckedIOException("cannot copy " + exercises, io) : (RuntimeException) e;
    }
    return new ScreenedSubmission(root, ignored);
  }

  /** Where the screened modules are, labelled as the submission. */
  public CodeSource code(String label) {
    return new CodeSource(label, root.resolve("exercises"));
  }

  /** What was left out of {@code module}, one note per file: {@code src/test/java/a/ATest.java (edited)}. */
  public List<String> ignored(ModuleId module) {
    return ignored.getOrDefault(module, List.of());
  }

  @Override
  public void close() {
    Directories.deleteRecursively(root);
  }

  private static List<String> copyModule(Path from, Path skeleton, Path to) throws IOException {
    List<String> notes = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (Path file : files(from)) {
      String rel = from.relativize(file).toString().replace('\\', '/');
      seen.add(rel);
      if (rel.startsWith("src/main/java/") || rel.startsWith("src/main/resources/")) {
        Optional<String> why = poses(rel, file);
        if (why.isPresent()) {
          notes.add(rel + " (" + why.get() + ")");
        } else {
          Path target = to.resolve(rel);
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      } else {
        Path original = skeleton.resolve(rel);
        if (!Files.isRegularFile(original)) {
          notes.add(rel + " (added)");
        } else if (Files.mismatch(original, file) >= 0) {
          notes.add(rel + " (edited)");
        }
      }
    }
    for (Path file : files(skeleton)) {
      String rel = skeleton.relativize(file).toString().replace('\\', '/');
      if (!rel.startsWith("src/main/") && !seen.contains(rel)) {
        notes.add(rel + " (deleted)");
      }
    }
    notes.sort(null);
    return notes;
  }

  /** Why a main file would pose as the grader's or a library's, if it does. */
  private static Optional<String> poses(String rel, Path file) throws IOException {
    String name = rel.substring(rel.lastIndexOf('/') + 1);
    if (rel.startsWith("src/main/resources/")) {
      String resource = rel.substring("src/main/resources/".length());
      boolean configuresTests =
          name.equals("junit-platform.properties")
              || (resource.startsWith("META-INF/services/")
                  && RESERVED_PACKAGES.stream().anyMatch(p -> name.startsWith(p + ".")));
      return configuresTests ? Optional.of("configures the test framework, which only the grader does") : Optional.empty();
    }
    if (!name.endsWith(".java")) {
      return Optional.empty();
    }
    String source = Files.readString(file);
    Matcher pkg = PACKAGE.matcher(source);
    if (pkg.find()) {
      String declared = pkg.group(1);
      for (String reserved : RESERVED_PACKAGES) {
        if (declared.equals(reserved) || declared.startsWith(reserved + ".")) {
          return Optional.of("package " + declared + " belongs to the grader or its test libraries");
        }
      }
    }
    if (USES_GRADER.matcher(source).find()) {
      return Optional.of("uses the grader's classes: graded tests come only from the instructor's repository");
    }
    return Optional.empty();
  }

  /** Regular files under {@code dir}, skipping build output and hidden directories such as .git. */
  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p) && !Files.isSymbolicLink(p))
          .filter(p -> Arrays.stream(dir.relativize(p).toString().split("[/\\\\]"))
              .noneMatch(part -> part.startsWith(".") || part.equals("target")))
          .sorted()
          .toList();
    }
  }
}
