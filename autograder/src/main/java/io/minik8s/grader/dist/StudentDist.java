package io.minik8s.grader.dist;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the student repository ({@code ./course dist OUT}) from the instructor's: an allow-list
 * of what students get, so a directory added to the instructor repository later stays private
 * until someone decides otherwise.
 *
 * <pre>
 * README.md, lessons/**           Markdown without its instructor sections ({@link InstructorSections})
 * slides/**                       as is
 * exercises/**                    the generated skeletons and visible tests; poms depend on the
 *                                 student's own lower modules instead of the reference ({@link PomRewrite})
 * course, mvnw, mvnw.cmd, .mvn/, .gitignore, pom.xml (without the solutions module)
 * autograder/pom.xml, autograder/graded/, autograder/src/main/
 *                                 the grader: ./course check, watch, hint, list, run and bench need it
 * bench/                          the benchmarks, on the student's own modules
 * </pre>
 *
 * Never copied: solutions/, autograder/hidden/, autograder/src/test/ (the grader's own tests grade
 * the reference), .ci/, .git/, notes, issues, tools, build output ({@code target/}, {@code .course/}).
 * After writing, {@link LeakScan} checks the result and the whole output is refused if it finds
 * anything.
 */
public final class StudentDist {

  /** Top-level files students get. */
  static final List<String> FILES = List.of("README.md", "course", "mvnw", "mvnw.cmd", ".gitignore", "pom.xml");

  /** Trees students get, relative to the repository root. */
  static final List<String> TREES =
      List.of(".mvn", "lessons", "slides", "exercises", "autograder/graded", "autograder/src/main", "bench");

  /** The grader module's own pom (its tests stay behind, so only the pom of the directory). */
  static final String GRADER_POM = "autograder/pom.xml";

  private final CourseRepo repo;

  public StudentDist(CourseRepo repo) {
    this.repo = repo;
  }

  /** What {@link #write} produced. */
  public record Result(Path out, int files, String scanned) {}

  /**
   * Writes the student repository to {@code out}, which must not exist or be empty.
   *
   * @throws IllegalStateException if the leak scan finds reference or hidden-test content
   */
  public Result write(Path out) {
    Path target = out.toAbsolutePath().normalize();
    if (!repo.hasSolutions()) {
      throw new IllegalStateException("./course dist needs the instructor's repository (with solutions/); this is a student checkout");
    }
    for (String tree : TREES) {
      if (target.startsWith(repo.root().resolve(tree)) || target.equals(repo.root())) {
        throw new IllegalArgumentException(out + " is inside the repository's " + tree + "/: choose a directory outside it");
      }
    }
    if (isNonEmptyDirectory(target) || Files.isRegularFile(target)) {
      throw new IllegalArgumentException(out + " already exists and is not empty: choose a new directory");
    }
    PomRewrite poms = new PomRewrite(referenceToExercise());
    int count = 0;
    try {
      Files.createDirectories(target);
      for (String file : FILES) {
        count += copy(repo.root().resolve(file), target.resolve(file), poms);
      }
      count += copy(repo.root().resolve(GRADER_POM), target.resolve(GRADER_POM), poms);
      for (String tree : TREES) {
        Path from = repo.root().resolve(tree);
        for (Path file : files(from)) {
          count += copy(file, target.resolve(tree).resolve(from.relativize(file).toString()), poms);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    LeakScan scan = LeakScan.of(repo);
    List<String> leaks = scan.scan(target);
    if (!leaks.isEmpty()) {
      throw new IllegalStateException("the student repository in " + out + " would leak instructor content; fix these and run again:\n  "
          + String.join("\n  ", leaks));
    }
    return new Result(target, count, scan.coverage());
  }

  /** {@code minik8s-store -> minik8s-store-exercise}: each reference module's artifact and the student's twin. */
  Map<String, String> referenceToExercise() {
    Map<String, String> map = new HashMap<>();
    for (ModuleId m : repo.modules()) {
      Path reference = repo.solutionDir(m).resolve("pom.xml");
      Path exercise = repo.exerciseDir(m).resolve("pom.xml");
      if (Files.isRegularFile(reference) && Files.isRegularFile(exercise)) {
        String from = PomRewrite.ownArtifactId(read(reference));
        String to = PomRewrite.ownArtifactId(read(exercise));
        if (from != null && to != null) {
          map.put(from, to);
        }
      }
    }
    return map;
  }

  /** Copies one file, transformed when it is a pom or a Markdown file; returns 1, or 0 if it does not exist. */
  private int copy(Path from, Path to, PomRewrite poms) throws IOException {
    if (!Files.isRegularFile(from)) {
      return 0;
    }
    Files.createDirectories(to.getParent());
    String name = from.getFileName().toString();
    if (name.equals("pom.xml")) {
      Files.writeString(to, poms.rewrite(read(from)));
    } else if (name.endsWith(".md") && !from.startsWith(repo.root().resolve("slides"))) {
      Files.writeString(to, InstructorSections.strip(read(from)));
    } else {
      Files.copy(from, to);
    }
    if (Files.isExecutable(from)) {
      to.toFile().setExecutable(true, false);
    }
    return 1;
  }

  /** Regular files under {@code root}, without build output, caches and hidden files (but .mvn's own). */
  private static List<Path> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !Files.isSymbolicLink(p))
          .filter(p -> isShipped(root.relativize(p)))
          .sorted()
          .toList();
    }
  }

  private static boolean isShipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || (name.startsWith(".") && !name.equals(".gitkeep"))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNonEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
