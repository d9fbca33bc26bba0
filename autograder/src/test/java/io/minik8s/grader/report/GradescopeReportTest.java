package io.minik8s.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.ModuleGrade;
import io.minik8s.grader.run.GradedTest;
import io.minik8s.grader.run.TestOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradescopeReportTest {

  private static final GradedTest VISIBLE = new GradedTest("a.QTest#parses()", "a.QTest", "parses", "0.1", 2, "", false);
  private static final GradedTest HIDDEN =
      new GradedTest("a.QHiddenTest#edge()", "a.QHiddenTest", "edge", "0.1", 3, "think about zero", true);

  private static GradeReport report() {
    ModuleGrade module =
        new ModuleGrade(
            new ModuleId("00", "objects"),
            "00-objects",
            List.of(
                new ExerciseScore(
                    new Exercise("0.1", "Quantities", 5),
                    List.of(TestOutcome.passed(VISIBLE), TestOutcome.failed(HIDDEN, "expected 0 but was 1")),
                    ""),
                new ExerciseScore(new Exercise("0.2", "Selectors", 4), List.of(), "00-objects does not compile")),
            "ok",
            null,
            "",
            List.of());
    return new GradeReport("alice", "isolated", List.of(module));
  }

  @Test
  void resultsJsonHasGradescopesShapeAndTheLessonsMaximum() throws Exception {
    JsonNode json = new ObjectMapper().readTree(GradescopeReport.render(report(), false));
    assertThat(json.path("score").asInt()).isEqualTo(2);
    assertThat(json.has("leaderboard")).isFalse();
    int max = 0;
    for (JsonNode test : json.path("tests")) {
      assertThat(test.has("name") && test.has("score") && test.has("max_score") && test.has("output")
          && test.has("visibility")).as("test entry %s", test).isTrue();
      max += test.path("max_score").asInt();
    }
    assertThat(max).as("sum of max_score").isEqualTo(9);
  }

  @Test
  void aHiddenFailureShowsOnlyItsNameAndHint() throws Exception {
    JsonNode hidden = new ObjectMapper().readTree(GradescopeReport.render(report(), false)).path("tests").get(1);
    assertThat(hidden.path("name").asText()).isEqualTo("0.1 QHiddenTest.edge");
    assertThat(hidden.path("output").asText()).isEqualTo("Hidden test failed. Hint: think about zero");
    JsonNode revealed = new ObjectMapper().readTree(GradescopeReport.render(report(), true)).path("tests").get(1);
    assertThat(revealed.path("output").asText()).isEqualTo("expected 0 but was 1");
  }

  @Test
  void anExerciseWhoseTestsCouldNotRunGetsAZeroEntryWithTheReason() throws Exception {
    JsonNode entry = new ObjectMapper().readTree(GradescopeReport.render(report(), false)).path("tests").get(2);
    assertThat(entry.path("name").asText()).isEqualTo("0.2 Selectors");
    assertThat(entry.path("score").asInt()).isZero();
    assertThat(entry.path("max_score").asInt()).isEqualTo(4);
    assertThat(entry.path("output").asText()).isEqualTo("00-objects does not compile");
  }

  @Test
  void csvRowsFollowTheLessonColumnsAndDefuseSpreadsheetFormulas() {
    CsvGradebook csv = new CsvGradebook(java.util.Map.of(new ModuleId("00", "objects"),
        new io.minik8s.grader.course.Lesson(java.nio.file.Path.of("x"),
            List.of(new Exercise("0.1", "Quantities", 5), new Exercise("0.2", "Selectors", 4)), java.util.Map.of())));
    assertThat(csv.header()).isEqualTo("student,status,0.1,0.2,00-objects,total,max\n");
    assertThat(csv.row("alice", report())).isEqualTo("alice,ok,2,0,2,2,9\n");
    assertThat(CsvGradebook.escape("=cmd()")).isEqualTo("'=cmd()");
    assertThat(CsvGradebook.escape("a,b")).isEqualTo("\"a,b\"");
  }
}
