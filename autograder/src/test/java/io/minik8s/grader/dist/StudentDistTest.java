package io.minik8s.grader.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./course dist on this repository: what the student repository holds and lacks, and that it
 * works on its own: ./course check 00 builds the grader and checks the student's code there, and
 * the Maven build compiles every module on the students' own lower modules.
 */
@Tag("build-only") // builds the grader and the whole reactor of the copy: about 80 s
class StudentDistTest {

  private static final CourseRepo REPO = new CourseRepo(FixtureCourse.home());

  @TempDir static Path work;
  private static Path dist;

  @BeforeAll
  static void writeDist() {
    dist = work.resolve("student");
    new StudentDist(REPO).write(dist);
  }

  @Test
  void studentsGetTheirPartsAndNothingOfTheInstructors() {
    for (String shipped : List.of("course", "mvnw", "pom.xml", ".mvn/wrapper", "lessons/00-objects/README.md", "slides/00-objects.md",
        "exercises/pom.xml", "exercises/00-objects/src/main/java", "exercises/02-apiserver/src/test/java",
        "autograder/pom.xml", "autograder/graded/pom.xml", "autograder/src/main/java", "bench/pom.xml")) {
      assertThat(dist.resolve(shipped)).as(shipped).exists();
    }
    assertThat(dist.resolve("course")).isExecutable();
    assertThat(dist.resolve("mvnw")).isExecutable();
    for (String withheld : List.of("solutions", "autograder/hidden", "autograder/src/test", ".ci", ".git", ".course",
        "autograder/target", "exercises/00-objects/target")) {
      assertThat(dist.resolve(withheld)).as(withheld).doesNotExist();
    }
  }

  @Test
  void theBuildNamesNoReferenceModuleOrArtifact() throws IOException {
    List<String> references = REPO.modules().stream()
        .map(m -> PomRewrite.ownArtifactId(read(REPO.solutionDir(m).resolve("pom.xml"))))
        .toList();
    assertThat(references).contains("minik8s-objects", "minik8s-store");
    for (Path pom : files().filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
      String text = read(pom);
      assertThat(text).as(pom.toString()).doesNotContain("<module>solutions</module>");
      for (String artifact : references) {
        assertThat(text).as(pom.toString()).doesNotContain("<artifactId>" + artifact + "</artifactId>");
      }
    }
    assertThat(read(dist.resolve("exercises/02-apiserver/pom.xml")))
        .contains("<artifactId>minik8s-objects-exercise</artifactId>", "<artifactId>minik8s-store-exercise</artifactId>");
  }

  @Test
  void textsLoseTheirInstructorSections() {
    assertThat(read(REPO.lessonFile(REPO.module("02")))).as("precondition").contains("## Instructor notes");
    for (ModuleId m : REPO.modules()) {
      assertThat(read(dist.resolve("lessons").resolve(m.directoryName()).resolve("README.md"))).doesNotContain("## Instructor");
    }
    assertThat(read(dist.resolve("README.md"))).contains("## Students", "./course check 00")
        .doesNotContain("## Instructors", "--reference", "instructor-only");
  }

  @Test
  void noLineOfAnExerciseRegionOrHiddenTestAndTheSkeletonsAreTheGeneratedOnes() throws IOException {
    assertThat(LeakScan.of(REPO).scan(dist)).isEmpty();
    for (ModuleId m : REPO.modules()) {
      Path mine = REPO.exerciseDir(m).resolve("src");
      try (Stream<Path> walk = Files.walk(mine)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          assertThat(dist.resolve("exercises").resolve(m.directoryName()).resolve("src").resolve(mine.relativize(f).toString()))
              .hasSameBinaryContentAs(f);
        }
      }
    }
  }

  @Test
  void itChecksAndBuildsOnItsOwn() throws IOException {
    ScriptRun skeleton = ScriptRun.run(dist, Map.of(), 300, "bash", "course", "check", "00");
    assertThat(skeleton.exitCode()).as(skeleton.output()).isEqualTo(1);
    assertThat(skeleton.output()).containsPattern("total\\s+0/\\d+");

    // a student who finishes module 00 sees every visible point: check grades their own code
    Path main = Path.of("src/main");
    copyTree(REPO.solutionDir(REPO.module("00")).resolve(main), dist.resolve("exercises/00-objects").resolve(main));
    ScriptRun done = ScriptRun.run(dist, Map.of(), 300, "bash", "course", "check", "00");
    assertThat(done.exitCode()).as(done.output()).isZero();
    assertThat(done.output()).contains("All exercises checked here pass");

    ScriptRun grade = ScriptRun.run(dist, Map.of(), 60, "bash", "course", "grade", ".");
    assertThat(grade.exitCode()).isEqualTo(2);
    assertThat(grade.output()).contains("needs the instructor's repository", "./course check NN");

    ScriptRun build = ScriptRun.run(dist, Map.of(), 300, "bash", "mvnw", "-o", "-q", "-B", "-DskipTests", "test-compile");
    assertThat(build.exitCode()).as(build.output()).isZero();
  }

  private static Stream<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(dist)) {
      return walk.filter(Files::isRegularFile).toList().stream();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
