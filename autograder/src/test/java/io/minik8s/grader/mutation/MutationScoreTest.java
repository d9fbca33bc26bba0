package io.minik8s.grader.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PIT's report read, filtered to the exercise regions of the fixture course and scored. */
class MutationScoreTest {

  private static final ModuleId DEMO = new ModuleId("00", "demo");

  @TempDir Path dir;
  private FixtureCourse course;
  private ExerciseRegions regions;
  private List<Mutant> mutants;

  @BeforeEach
  void setUp() throws IOException {
    course = FixtureCourse.copyTo(dir);
    regions = ExerciseRegions.of(course.repo, DEMO);
    try (InputStream xml = getClass().getResourceAsStream("/mutation/mutations.xml")) {
      mutants = PitReport.parse(xml, "mutations.xml");
    }
  }

  @Test
  void readsEveryMutationOfTheReport() {
    assertThat(mutants).hasSize(8);
    Mutant first = mutants.get(0);
    assertThat(first.mutatedClass()).isEqualTo("io.minik8s.demo.Adder");
    assertThat(first.line()).isEqualTo(9);
    assertThat(first.detected()).isTrue();
    assertThat(first.status()).isEqualTo("KILLED");
    assertThat(first.mutatorName()).isEqualTo("MathMutator");
    assertThat(first.sourcePath()).isEqualTo("io/minik8s/demo/Adder.java");
    assertThat(mutants.get(2).method()).isEqualTo("<init>");
    assertThat(mutants.get(3).description()).isEqualTo("replaced return value with \"\" for io/minik8s/demo/Greeter::greet");
  }

  @Test
  void aNestedClassMapsToItsOuterSourceFile() {
    Mutant nested = mutants.get(5);
    assertThat(nested.sourcePath()).isEqualTo("io/minik8s/demo/Greeter.java");
    assertThat(regions.regionOf(nested)).hasValueSatisfying(r -> assertThat(r.task()).isEqualTo("choose the greeting"));
  }

  @Test
  void onlyLinesStrictlyInsideARegionCount() {
    assertThat(regions.regionOf(mutants.get(2))).as("Adder line 5, the constructor").isEmpty();
    assertThat(regions.regionOf(mutants.get(7))).as("Greeter line 16, the END marker").isEmpty();
    assertThat(regions.regionOf(mutants.get(0))).hasValueSatisfying(r -> assertThat(r.exercise()).isEqualTo("0.1"));
  }

  @Test
  void scoresKilledOverViableMutantsInsideTheRegionsPerExercise() {
    List<MutationScore> scores = MutationScore.byExercise(List.of("0.1", "0.2"), regions, mutants);

    assertThat(scores).extracting(MutationScore::exercise).containsExactly("0.1", "0.2");
    MutationScore add = scores.get(0);
    assertThat(add.total()).isEqualTo(2);
    assertThat(add.killed()).isEqualTo(1);
    assertThat(add.percent()).isEqualTo(50);
    assertThat(add.survivors()).singleElement().satisfies(s -> {
      assertThat(s.location()).isEqualTo(Path.of("solutions/00-demo/src/main/java/io/minik8s/demo/Adder.java") + ":9");
      assertThat(s.mutant().description()).startsWith("replaced int return with 0");
    });

    MutationScore greet = scores.get(1);
    assertThat(greet.total()).as("NO_COVERAGE, TIMED_OUT, the nested KILLED; NON_VIABLE and the marker line left out").isEqualTo(3);
    assertThat(greet.killed()).as("a timeout is detected").isEqualTo(2);
    assertThat(greet.percent()).isEqualTo(66);
    assertThat(greet.survivors()).extracting(s -> s.mutant().status()).containsExactly("NO_COVERAGE");
  }

  @Test
  void anExerciseWithoutMutantsScoresFullAndIsStillListed() {
    List<MutationScore> scores = MutationScore.byExercise(List.of("0.1", "0.2"), regions, List.of());
    assertThat(scores).allSatisfy(s -> {
      assertThat(s.total()).isZero();
      assertThat(s.percent()).isEqualTo(100);
    });
  }

  @Test
  void targetsOnlyTheClassesWithRegionsAndTheirNestedClasses() {
    assertThat(regions.targetClasses())
        .containsExactly("io.minik8s.demo.Adder", "io.minik8s.demo.Adder$*", "io.minik8s.demo.Greeter", "io.minik8s.demo.Greeter$*");
    assertThat(regions.exercises()).containsExactly("0.1", "0.2");
    assertThat(regions.filesOf(List.of("0.1")).targetClasses()).containsExactly("io.minik8s.demo.Adder", "io.minik8s.demo.Adder$*");
  }

  @Test
  void aFileThatIsNotAPitReportIsOneSentenceNamingIt() {
    byte[] html = "<html><body>report</body></html>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PitReport.parse(new ByteArrayInputStream(html), "index.html"))
        .hasMessageStartingWith("index.html is not a PIT mutations.xml");
    assertThatThrownBy(() -> PitReport.read(dir.resolve("missing.xml")))
        .hasMessageContaining("no PIT report at");
  }

  @Test
  void theScoresGoIntoTheInstructorNotesWithoutBecomingExerciseRows() throws IOException {
    Path lesson = course.repo.lessonFile(DEMO);
    Lesson before = Lesson.read(lesson);
    List<MutationScore> scores = MutationScore.byExercise(List.of("0.1", "0.2"), regions, mutants);

    InstructorNotes.write(lesson, scores, "PIT test");
    InstructorNotes.write(lesson, scores, "PIT test");

    String text = Files.readString(lesson);
    assertThat(text).contains("## Instructor notes", "| ex 0.1 | 2 | 1 | 50 % |", "| ex 0.2 | 3 | 2 | 66 % |");
    assertThat(text.split(InstructorNotes.BEGIN, -1)).as("a second run replaces the block").hasSize(2);
    assertThat(text.indexOf("## Hints")).isLessThan(text.indexOf("## Instructor notes"));
    Lesson after = Lesson.read(lesson);
    assertThat(after.exercises()).isEqualTo(before.exercises());
    assertThat(after.hints()).isEqualTo(before.hints());
  }

  @Test
  void aRunOfSomeExercisesKeepsTheOtherRows() throws IOException {
    Path lesson = course.repo.lessonFile(DEMO);
    List<MutationScore> scores = MutationScore.byExercise(List.of("0.1", "0.2"), regions, mutants);
    InstructorNotes.write(lesson, scores, "PIT test");

    InstructorNotes.write(lesson, List.of(new MutationScore("0.2", List.of())), "PIT test");

    String text = Files.readString(lesson);
    assertThat(text).contains("| ex 0.1 | 2 | 1 | 50 % |\n| ex 0.2 | 0 | 0 | 100 % |");
  }

  @Test
  void anExistingInstructorNotesSectionKeepsItsTextAndTheSectionsAfterIt() {
    List<String> lesson = List.of("# L", "", "## Instructor notes", "", "- a note", "", "## Later", "text");
    List<String> updated = InstructorNotes.update(lesson, List.of(InstructorNotes.BEGIN, "x", InstructorNotes.END));
    assertThat(updated).containsExactly(
        "# L", "", "## Instructor notes", "", "- a note", "", InstructorNotes.BEGIN, "x", InstructorNotes.END, "",
        "## Later", "text");
  }
}
