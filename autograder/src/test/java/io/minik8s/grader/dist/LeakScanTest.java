package io.minik8s.grader.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.CourseRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan that guards ./course dist, run on this repository's own reference and hidden tests. */
class LeakScanTest {

  private static final CourseRepo REPO = new CourseRepo(FixtureCourse.home());
  private static LeakScan scan;

  @TempDir Path tree;

  @BeforeAll
  static void fingerprint() {
    scan = LeakScan.of(REPO);
  }

  @Test
  void theGeneratedSkeletonsAndTheLessonsAreClean() throws IOException {
    copy(REPO.root().resolve("exercises/00-objects/src"), tree.resolve("exercises/00-objects/src"));
    copy(REPO.root().resolve("lessons"), tree.resolve("lessons"));
    assertThat(scan.scan(tree)).isEmpty();
  }

  @Test
  void aReferenceFileUnderAnotherNameIsFoundWithFileAndLine() throws IOException {
    Path reference = REPO.root().resolve("solutions/00-objects/src/main/java/io/minik8s/objects/quantity/Quantity.java");
    Path planted = tree.resolve("exercises/00-objects/src/main/java/io/minik8s/objects/quantity/Quantity.java");
    Files.createDirectories(planted.getParent());
    Files.copy(reference, planted);
    List<String> found = scan.scan(tree);
    assertThat(found).isNotEmpty()
        .allSatisfy(f -> assertThat(f).matches("exercises/00-objects/.*/Quantity\\.java:\\d+: a line of the reference's exercise code: .*"));
  }

  @Test
  void oneReferenceLinePastedIntoAnyFileIsFound() throws IOException {
    String regionLine = regionBodyLineOf(REPO.root().resolve("solutions/01-store/src/main/java/io/minik8s/store/mvcc"));
    Files.writeString(tree.resolve("notes.txt"), "my notes\n    " + regionLine + "\n");
    assertThat(scan.scan(tree)).containsExactly("notes.txt:2: a line of the reference's exercise code: " + regionLine);
  }

  @Test
  void hiddenTestsAreFoundByNameAndByContent() throws IOException {
    Path hidden = REPO.hiddenTestsDir(REPO.module("00")).resolve("io/minik8s/objects/quantity/QuantityHiddenTest.java");
    Path renamed = tree.resolve("exercises/00-objects/src/test/java/Renamed.java");
    Files.createDirectories(renamed.getParent());
    Files.copy(hidden, renamed);
    Files.writeString(tree.resolve("QuantityHiddenTest.java"), "// empty\n");
    List<String> found = scan.scan(tree);
    assertThat(found).anyMatch(f -> f.startsWith("exercises/00-objects/src/test/java/Renamed.java:") && f.contains("a line of a hidden test"));
    assertThat(found).contains("QuantityHiddenTest.java: a file named like the hidden test QuantityHiddenTest");
  }

  @Test
  void solutionsDirectoriesAndTheSolutionsModuleAreFound() throws IOException {
    Files.createDirectories(tree.resolve("solutions/00-objects"));
    Files.writeString(tree.resolve("solutions/00-objects/pom.xml"), "<project/>\n");
    Files.createDirectories(tree.resolve("autograder/hidden/00-objects"));
    Files.writeString(tree.resolve("autograder/hidden/00-objects/README"), "x\n");
    Files.writeString(tree.resolve("pom.xml"), "<modules>\n  <module>solutions</module>\n</modules>\n");
    assertThat(scan.scan(tree)).containsExactlyInAnyOrder(
        "autograder/hidden/00-objects/README: a file under autograder/hidden/",
        "pom.xml:2: the build names the solutions module",
        "solutions/00-objects/pom.xml: a file under a solutions/ directory");
  }

  /** The longest line inside an exercise region of the first file under {@code dir} that has one. */
  private static String regionBodyLineOf(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        String longest = "";
        boolean in = false;
        for (String l : lines) {
          if (l.contains("// BEGIN EXERCISE")) {
            in = true;
          } else if (l.contains("// END EXERCISE")) {
            in = false;
          } else if (in && l.strip().length() > longest.length() && !lines.stream().filter(x -> x.strip().equals(l.strip())).skip(1).findAny().isPresent()) {
            longest = l.strip();
          }
        }
        if (longest.length() >= 40) {
          return longest;
        }
      }
    }
    throw new IllegalStateException("no exercise region under " + dir);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
