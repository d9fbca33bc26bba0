package io.minik8s.grader.report;

import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.ModuleGrade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class gradebook: one row per student, one column per exercise and per module, then the total
 * and a status ({@code ok}, {@code compile-error}, {@code timeout}, {@code crashed}, {@code invalid}). Columns come
 * from the lessons, so every row has the same columns even when a submission lacks a module.
 */
public final class CsvGradebook {

  private final Map<ModuleId, Lesson> lessons;

  public CsvGradebook(Map<ModuleId, Lesson> lessons) {
    this.lessons = new LinkedHashMap<>(lessons);
  }

  public String header() {
    List<String> cells = new ArrayList<>(List.of("student", "status"));
    for (Map.Entry<ModuleId, Lesson> e : lessons.entrySet()) {
      e.getValue().exercises().forEach(x -> cells.add(x.id()));
      cells.add(e.getKey().directoryName());
    }
    cells.add("total");
    cells.add("max");
    return String.join(",", cells) + "\n";
  }

  public String row(String student, GradeReport report) {
    List<String> cells = new ArrayList<>(List.of(escape(student), report.status()));
    for (Map.Entry<ModuleId, Lesson> e : lessons.entrySet()) {
      ModuleGrade module =
          report.modules().stream().filter(m -> m.module().equals(e.getKey())).findFirst().orElse(null);
      for (Exercise x : e.getValue().exercises()) {
        cells.add(module == null ? "0" : Integer.toString(score(module, x.id())));
      }
      cells.add(module == null ? "0" : Integer.toString(module.earned()));
    }
    cells.add(Integer.toString(report.earned()));
    cells.add(Integer.toString(lessons.values().stream().mapToInt(Lesson::totalPoints).sum()));
    return String.join(",", cells) + "\n";
  }

  /** A row for a submission that could not be graded at all (no exercises/, a broken zip). */
  public String invalidRow(String student) {
    List<String> cells = new ArrayList<>(List.of(escape(student), "invalid"));
    for (Lesson lesson : lessons.values()) {
      lesson.exercises().forEach(x -> cells.add("0"));
      cells.add("0");
    }
    cells.add("0");
    cells.add(Integer.toString(lessons.values().stream().mapToInt(Lesson::totalPoints).sum()));
    return String.join(",", cells) + "\n";
  }

  private static int score(ModuleGrade module, String exercise) {
    return module.exercises().stream()
        .filter(s -> s.exercise().id().equals(exercise))
        .mapToInt(ExerciseScore::earned)
        .sum();
  }

  static String escape(String cell) {
    boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
    // a leading =, +, - or @ would run as a formula in a spreadsheet
    String safe = cell.matches("^[=+\\-@].*") ? "'" + cell : cell;
    return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
