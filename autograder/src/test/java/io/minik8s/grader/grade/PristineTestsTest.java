package io.minik8s.grader.grade;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.report.MarkdownReport;
import io.minik8s.grader.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student who edits, deletes or adds test files, or edits the build, gains nothing: grading
 * compiles the submission's src/main with its own flags and runs the instructor's visible and
 * hidden tests, and the report lists what it ignored.
 */
class PristineTestsTest {

  @TempDir Path dir;
  FixtureCourse course;

  @BeforeEach
  void setUp() {
    course = FixtureCourse.copyTo(dir.resolve("instructor"));
  }

  /** A student who did 0.2 and not 0.1, as the skeleton plus the reference's Greeter. */
  private Path honestStudent(String name) {
    Path student = dir.resolve(name);
    FixtureCourse.copyTree(course.path("exercises"), student.resolve("exercises"));
    copy(course.path("solutions/00-demo/src/main/java/io/minik8s/demo/Greeter.java"),
        student.resolve("exercises/00-demo/src/main/java/io/minik8s/demo/Greeter.java"));
    return student;
  }

  @Test
  void editingDeletingOrAddingTestsAndEditingTheBuildChangeNothingAndAreListed() throws IOException {
    Path honest = honestStudent("honest");
    Path tampered = honestStudent("tampered");
    Path module = tampered.resolve("exercises/00-demo");
    Path adderTest = module.resolve("src/test/java/io/minik8s/demo/AdderTest.java");
    // edited: the failing assertion is gone
    Files.writeString(adderTest, Files.readString(adderTest).replace("assertEquals(5, Adder.add(2, 3), \"add(2, 3)\");", ""));
    // deleted: the test of an exercise the student would rather not be graded on
    Files.delete(module.resolve("src/test/java/io/minik8s/demo/GreeterTest.java"));
    // added: a graded test worth a lot, and a guess at the hidden test, both always passing
    write(module.resolve("src/test/java/io/minik8s/demo/BonusTest.java"), graded("BonusTest", "bonus", 50));
    write(module.resolve("src/test/java/io/minik8s/demo/AdderHiddenTest.java"), graded("AdderHiddenTest", "addsNegativeNumbers", 1));
    // the build: skip the tests, and a second build tool
    write(module.resolve("pom.xml"), "<project><properties><skipTests>true</skipTests></properties></project>\n");
    write(module.resolve("build.gradle"), "test { enabled = false }\n");

    CourseGrader grader = course.grader();
    List<ModuleId> demo = List.of(course.repo.module("00"));
    ModuleGrade expected = grader.grade(Optional.of(honest), demo, false).modules().get(0);
    ModuleGrade actual = grader.grade(Optional.of(tampered), demo, false).modules().get(0);

    assertThat(outcomes(actual)).as(TextReport.module(actual)).isEqualTo(outcomes(expected)).containsExactly(
        "AdderHiddenTest.addsNegativeNumbers (hidden)=false",
        "AdderTest.addsSmallNumbers=false",
        "GreeterTest.greetsByName=true");
    assertThat(actual.earned()).isEqualTo(expected.earned()).isEqualTo(2);
    assertThat(expected.ignored()).as("an untouched checkout has nothing to ignore").isEmpty();
    assertThat(actual.ignored()).containsExactly(
        "build.gradle (added)",
        "pom.xml (edited)",
        "src/test/java/io/minik8s/demo/AdderHiddenTest.java (added)",
        "src/test/java/io/minik8s/demo/AdderTest.java (edited)",
        "src/test/java/io/minik8s/demo/BonusTest.java (added)",
        "src/test/java/io/minik8s/demo/GreeterTest.java (deleted)");
    String sentence = "ignored 6 files in exercises/00-demo (grading uses only src/main, with the instructor's tests and build): "
        + "build.gradle (added), pom.xml (edited), ";
    assertThat(TextReport.module(actual)).contains(sentence);
    assertThat(MarkdownReport.render(new GradeReport("tampered", "isolated", List.of(actual)))).contains(sentence);
  }

  private static List<String> outcomes(ModuleGrade grade) {
    return grade.exercises().stream().flatMap(e -> e.outcomes().stream())
        .map(o -> o.test().displayName() + (o.test().hidden() ? " (hidden)" : "") + "=" + o.passed())
        .sorted()
        .toList();
  }

  private static String graded(String className, String method, int points) {
    return "package io.minik8s.demo;\n"
        + "import io.minik8s.grader.Graded;\nimport org.junit.jupiter.api.Test;\n"
        + "class " + className + " {\n  @Test @Graded(exercise = \"0.1\", points = " + points + ") void " + method + "() {}\n}\n";
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
