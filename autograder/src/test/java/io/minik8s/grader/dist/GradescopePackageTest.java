package io.minik8s.grader.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.run.ForkUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope package of module 00, unpacked and run as Gradescope would run it, with
 * /autograder/source, /autograder/submission and /autograder/results remapped to temporary
 * directories. Format: https://gradescope-autograders.readthedocs.io/en/latest/specs/ (results.json:
 * score, tests[] with name, score, max_score, visibility, output; leaderboard only when asked).
 */
@Tag("build-only") // two real gradings of module 00: about 50 s
class GradescopePackageTest {

  private static final CourseRepo REPO = new CourseRepo(FixtureCourse.home());
  private static final ModuleId OBJECTS = REPO.module("00");
  private static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

  @TempDir static Path work;
  private static Path zip;
  private static Path source;

  @BeforeAll
  static void buildAndUnpack() throws IOException {
    zip = work.resolve("autograder.zip");
    new GradescopePackage(REPO, FixtureCourse.libraries()).write(zip, List.of(OBJECTS));
    source = work.resolve("source");
    unzip(zip, source);
  }

  @Test
  void theZipHasGradescopesLayoutWithExecutableScriptsAndNoReferenceOfTheGradedModule() throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
      for (String script : List.of("setup.sh", "run_autograder")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath(script)))).isEqualTo("rwxr-xr-x");
      }
    }
    assertThat(Files.readString(source.resolve("setup.sh"))).contains("apt-get install", "openjdk-17-jdk-headless");
    assertThat(Files.readString(source.resolve("run_autograder"))).contains("MODULES=\"00\"");
    assertThat(source.resolve("course/autograder/target/classes/io/minik8s/grader/cli/CourseCli.class")).isRegularFile();
    assertThat(Files.readString(source.resolve("course/autograder/target/classpath.txt")))
        .as("the libraries travel with the package, by relative path").startsWith("lib/").doesNotContain(".m2");
    assertThat(source.resolve("course/autograder/hidden/00-objects")).isDirectory();
    assertThat(source.resolve("course/solutions/00-objects/src/test")).isDirectory();
    assertThat(source.resolve("course/solutions/00-objects/src/main"))
        .as("module 00 is graded, and nothing builds on it here: its reference stays out").doesNotExist();
  }

  @Test
  void theReferenceSubmittedAsARepositoryScoresEveryPoint() throws IOException {
    Path submission = work.resolve("reference-repo");
    copyTree(REPO.solutionDir(OBJECTS), submission.resolve("exercises/00-objects"));
    JsonNode results = runAutograder(submission, work.resolve("results-reference"));
    int total = REPO.lesson(OBJECTS).totalPoints();
    assertThat(results.get("score").asInt()).isEqualTo(total);
    assertThat(results.get("tests")).allSatisfy(t -> assertThat(t.get("score").asInt()).isEqualTo(t.get("max_score").asInt()));
  }

  @Test
  void theSkeletonSubmittedAsModuleFoldersScoresZero() throws IOException {
    Path submission = work.resolve("skeleton-folders");
    copyTree(REPO.exerciseDir(OBJECTS), submission.resolve("00-objects"));
    JsonNode results = runAutograder(submission, work.resolve("results-skeleton"));
    assertThat(results.get("score").asInt()).isZero();
    assertThat(results.get("tests")).allSatisfy(t -> assertThat(t.get("score").asInt()).isZero());
  }

  @Test
  void aSubmissionWithoutExercisesGetsZeroAndSaysWhatToSubmit() throws IOException {
    Path submission = work.resolve("wrong-upload");
    Files.createDirectories(submission);
    Files.writeString(submission.resolve("Quantity.java"), "class Quantity {}\n");
    Path results = work.resolve("results-wrong");
    ScriptRun run = run(submission, results);
    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(results.resolve("results.json").toFile());
    assertThat(json.get("score").asInt()).isZero();
    assertThat(json.get("output").asText()).contains("no exercises/ folder");
  }

  @Test
  void aSymbolicLinkToTheReferenceEarnsNothing() throws IOException {
    Path submission = work.resolve("linked");
    Files.createDirectories(submission);
    Files.createSymbolicLink(submission.resolve("exercises"), REPO.root().resolve("solutions"));
    Path results = work.resolve("results-linked");
    assertThat(run(submission, results).exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(results.resolve("results.json").toFile());
    assertThat(json.get("score").asInt()).isZero();
  }

  /** Runs run_autograder and checks results.json against Gradescope's format. */
  private static JsonNode runAutograder(Path submission, Path results) throws IOException {
    ScriptRun run = run(submission, results);
    assertThat(run.exitCode()).as(run.output()).isZero();
    if (ForkUser.canSwitchUsers()) {
      assertThat(run.output()).as("the tests ran as nobody").doesNotContain("not as an unprivileged user");
    }
    JsonNode json = new ObjectMapper().readTree(results.resolve("results.json").toFile());
    assertThat(json.has("leaderboard")).isFalse();
    assertThat(json.get("score").isNumber()).isTrue();
    JsonNode tests = json.get("tests");
    assertThat(tests.isArray() && tests.size() > 0).isTrue();
    int maxSum = 0;
    int scoreSum = 0;
    for (JsonNode t : tests) {
      assertThat(t.get("name").asText()).isNotBlank();
      assertThat(t.get("score").isNumber()).isTrue();
      assertThat(t.get("max_score").isNumber()).isTrue();
      assertThat(t.get("output").isTextual()).isTrue();
      assertThat(VISIBILITIES).contains(t.get("visibility").asText());
      maxSum += t.get("max_score").asInt();
      scoreSum += t.get("score").asInt();
    }
    assertThat(maxSum).as("the tests' max_score add up to the lesson's points").isEqualTo(REPO.lesson(OBJECTS).totalPoints());
    assertThat(json.get("score").asInt()).isEqualTo(scoreSum);
    return json;
  }

  /**
   * Runs run_autograder as Gradescope would. As root (a container, CI) the test JVMs run as the
   * stock {@code nobody} account, as they run as setup.sh's account on Gradescope.
   */
  private static ScriptRun run(Path submission, Path results) {
    return ScriptRun.run(work, Map.of(
            "MINIK8S_AUTOGRADER_SOURCE", source.toString(),
            "MINIK8S_AUTOGRADER_SUBMISSION", submission.toString(),
            "MINIK8S_AUTOGRADER_RESULTS", results.toString(),
            "MINIK8S_FORK_USER", ForkUser.canSwitchUsers() ? "nobody" : ""),
        240, "bash", source.resolve("run_autograder").toString());
  }

  private static void unzip(Path zip, Path to) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        Path target = to.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(to)).as(entry.getName()).isTrue();
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target);
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.filter(p -> !from.relativize(p).toString().startsWith("target")).toList()) {
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
