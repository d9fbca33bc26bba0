package io.minik8s.grader.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.grade.ExerciseScore;
import io.minik8s.grader.grade.ModuleGrade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A student's visible-test points per exercise from their last {@code check}, kept under {@code .course/} so
 * {@code list} can show progress without running anything.
 */
final class Progress {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  Progress(CourseRepo repo) {
    this.dir = repo.stateDir().resolve("progress");
  }

  /** Visible-test points earned out of the visible-test points available, for one exercise. */
  record Score(int earned, int max) {
    boolean complete() {
      return max > 0 && earned == max;
    }
  }

  void record(ModuleGrade grade) {
    Map<String, Score> points = new TreeMap<>(load(grade.module()));
    for (ExerciseScore e : grade.exercises()) {
      points.put(e.exercise().id(), new Score(e.earned(), e.max()));
    }
    ObjectNode node = JSON.createObjectNode();
    points.forEach((id, score) -> node.putObject(id).put("earned", score.earned()).put("max", score.max()));
    try {
      Files.createDirectories(dir);
      Files.writeString(file(grade.module()), JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save progress under " + dir, e);
    }
  }

  /** Scores per exercise id from the last check of {@code module}; empty if never checked. */
  Map<String, Score> load(ModuleId module) {
    Path file = file(module);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      Map<String, Score> points = new TreeMap<>();
      JSON.readTree(file.toFile()).fields().forEachRemaining(e -> points.put(e.getKey(),
          new Score(e.getValue().path("earned").asInt(), e.getValue().path("max").asInt())));
      return points;
    } catch (IOException e) {
      return Map.of(); // a damaged progress file only loses the display of progress
    }
  }

  private Path file(ModuleId module) {
    return dir.resolve(module.directoryName() + ".json");
  }
}
