package io.minik8s.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.GradeReport;
import io.minik8s.grader.grade.ModuleGrade;
import io.minik8s.grader.run.TestOutcome;

/** Everything the grader knows, as JSON, for scripts: modules, exercises, every test's outcome. */
public final class JsonReport {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(GradeReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("submission", report.submission());
    root.put("mode", report.mode());
    root.put("status", report.status());
    root.put("score", report.earned());
    root.put("maxScore", report.max());
    ArrayNode modules = root.putArray("modules");
    for (ModuleGrade m : report.modules()) {
      ObjectNode module = modules.addObject();
      module.put("module", m.module().directoryName());
      module.put("status", m.status());
      module.put("score", m.earned());
      module.put("maxScore", m.max());
      module.put("problem", m.problem());
      ArrayNode exercises = module.putArray("exercises");
      for (ExerciseScore e : m.exercises()) {
        ObjectNode exercise = exercises.addObject();
        exercise.put("id", e.exercise().id());
        exercise.put("title", e.exercise().title());
        exercise.put("score", e.earned());
        exercise.put("maxScore", e.max());
        ArrayNode tests = exercise.putArray("tests");
        for (TestOutcome o : e.outcomes()) {
          tests.addObject()
              .put("name", o.test().displayName())
              .put("hidden", o.test().hidden())
              .put("points", o.test().points())
              .put("passed", o.passed())
              .put("message", o.message());
        }
      }
    }
    return write(root);
  }

  static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
