package io.minik8s.grader.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.FixtureCourse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseSyncTest {

  @TempDir Path dir;
  FixtureCourse course;
  ExerciseSync sync;

  @BeforeEach
  void setUp() {
    course = FixtureCourse.copyTo(dir);
    sync = new ExerciseSync(course.repo);
  }

  @Test
  void generatedExercisesHaveStubsInsteadOfSolutionsAndTheSameTests() throws Exception {
    String adder = course.read("exercises/00-demo/src/main/java/io/minik8s/demo/Adder.java");
    assertThat(adder)
        .contains("throw new UnsupportedOperationException(\"TODO exercise 0.1: add two numbers\");")
        .doesNotContain("return a + b;");
    assertThat(course.read("exercises/00-demo/src/test/java/io/minik8s/demo/AdderTest.java"))
        .isEqualTo(course.read("solutions/00-demo/src/test/java/io/minik8s/demo/AdderTest.java"));
    assertThat(Files.exists(course.path("exercises/00-demo/src/test/java/io/minik8s/demo/AdderHiddenTest.java")))
        .as("hidden tests must never be copied to exercises/")
        .isFalse();
    assertThat(sync.check()).isEmpty();
  }

  @Test
  void aHandEditInExercisesIsDriftNamingTheFile() {
    String file = "exercises/00-demo/src/main/java/io/minik8s/demo/Adder.java";
    course.write(file, course.read(file).replace("TODO", "todo"));
    assertThat(sync.check()).containsExactly(file + ": differs from what solutions/00-demo/src/main/java/io/minik8s/demo/Adder.java generates");
  }

  @Test
  void extraAndMissingFilesAreDrift() throws Exception {
    course.write("exercises/00-demo/src/main/java/io/minik8s/demo/Extra.java", "class Extra {}");
    Files.delete(course.path("exercises/01-calc/src/test/java/io/minik8s/calc/CalcTest.java"));
    assertThat(sync.check())
        .containsExactlyInAnyOrder(
            "exercises/00-demo/src/main/java/io/minik8s/demo/Extra.java: not generated from solutions/ (delete it, or add it to solutions/)",
            "exercises/01-calc/src/test/java/io/minik8s/calc/CalcTest.java: missing");
  }

  @Test
  void writeRepairsDrift() {
    course.write("exercises/00-demo/src/main/java/io/minik8s/demo/Extra.java", "class Extra {}");
    assertThat(sync.write()).hasSize(1);
    assertThat(sync.check()).isEmpty();
  }

  @Test
  void aRegionForAnExerciseMissingFromTheLessonIsAnError() {
    String file = "solutions/00-demo/src/main/java/io/minik8s/demo/Adder.java";
    course.write(file, course.read(file).replace("EXERCISE 0.1", "EXERCISE 0.9"));
    assertThatThrownBy(() -> sync.check())
        .isInstanceOf(MarkerException.class)
        .hasMessageContaining(file + ":8: exercise 0.9 is not in the exercise table of lessons/00-demo/README.md")
        .hasMessageContaining("lessons/00-demo/README.md: exercise 0.1 has no BEGIN EXERCISE region");
  }

  @Test
  void twoRegionsWithTheSameIdAndTaskAreAnError() {
    String file = "solutions/00-demo/src/main/java/io/minik8s/demo/Greeter.java";
    course.write(file, course.read(file).replace("greet someone by name", "choose the greeting"));
    assertThatThrownBy(() -> sync.check())
        .isInstanceOf(MarkerException.class)
        .hasMessageContaining(file + ":14: duplicate region EXERCISE 0.2 — choose the greeting (also at " + file + ":6)");
  }
}
