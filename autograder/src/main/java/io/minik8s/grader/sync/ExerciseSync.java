package io.minik8s.grader.sync;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.Exercise;
import io.minik8s.grader.course.Lesson;
import io.minik8s.grader.course.ModuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Generates {@code exercises/NN/src} from {@code solutions/NN/src}: every file is copied, except
 * that the exercise regions of Java files become stubs. The solution is the only source; the
 * exercises are committed so students can clone and start, and {@link #check} proves they match.
 *
 * <p>Besides malformed markers, a module's regions must agree with its lesson: every region's
 * exercise is in the lesson's table, every exercise in the table has a region, and no two regions
 * of an exercise share a task (each region says what its own part does).
 */
public final class ExerciseSync {

  private final CourseRepo repo;

  public ExerciseSync(CourseRepo repo) {
    this.repo = repo;
  }

  /** The modules that have a solution to generate from. */
  public List<ModuleId> modules() {
    return repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList();
  }

  /**
   * The generated content of every file under {@code exercises/NN/src}, by path relative to
   * {@code src}.
   *
   * @throws MarkerException if a marker is malformed or disagrees with the lesson
   */
  public Map<Path, byte[]> generate(ModuleId module) {
    Path src = repo.solutionDir(module).resolve("src");
    List<String> problems = new ArrayList<>();
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<Region> all = new ArrayList<>();
    for (Path file : filesUnder(src)) {
      byte[] bytes = read(file);
      Path relative = src.relativize(file);
      if (file.toString().endsWith(".java")) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        List<Region> regions = MarkerScanner.scan(repo.root().relativize(file), lines, module.exercisePrefix(), problems);
        all.addAll(regions);
        if (!regions.isEmpty()) {
          bytes = MarkerScanner.skeleton(lines, regions).getBytes(StandardCharsets.UTF_8);
        }
      }
      files.put(relative, bytes);
    }
    checkAgainstLesson(module, all, problems);
    if (!problems.isEmpty()) {
      throw new MarkerException(problems);
    }
    return files;
  }

  private void checkAgainstLesson(ModuleId module, List<Region> regions, List<String> problems) {
    Path lessonFile = repo.root().relativize(repo.lessonFile(module));
    Lesson lesson = repo.lesson(module);
    Map<String, Region> seen = new HashMap<>();
    for (Region r : regions) {
      if (lesson.exercise(r.exercise()).isEmpty()) {
        problems.add(r.location() + ": exercise " + r.exercise() + " is not in the exercise table of " + lessonFile);
      }
      Region twin = seen.putIfAbsent(r.exercise() + " \u2014 " + r.task(), r);
      if (twin != null) {
        problems.add(r.location() + ": duplicate region EXERCISE " + r.exercise() + " \u2014 " + r.task()
            + " (also at " + twin.location() + "); give each region its own task");
      }
    }
    for (Exercise e : lesson.exercises()) {
      if (regions.stream().noneMatch(r -> r.exercise().equals(e.id()))) {
        problems.add(lessonFile + ": exercise " + e.id() + " has no BEGIN EXERCISE region in "
            + repo.root().relativize(repo.solutionDir(module)));
      }
    }
  }

  /** Differences between {@code exercises/} and what {@code solutions/} generates; empty when in sync. */
  public List<String> check() {
    List<String> drift = new ArrayList<>();
    for (ModuleId module : modules()) {
      Path exerciseSrc = repo.exerciseDir(module).resolve("src");
      Map<Path, byte[]> expected = generate(module);
      if (!Files.isRegularFile(repo.exerciseDir(module).resolve("pom.xml"))) {
        drift.add(show(repo.exerciseDir(module).resolve("pom.xml")) + ": missing (copy the solution's pom and rename it)");
      }
      Set<Path> actual = new TreeSet<>();
      if (Files.isDirectory(exerciseSrc)) {
        filesUnder(exerciseSrc).forEach(f -> actual.add(exerciseSrc.relativize(f)));
      }
      for (Map.Entry<Path, byte[]> e : expected.entrySet()) {
        Path target = exerciseSrc.resolve(e.getKey());
        if (!actual.contains(e.getKey())) {
          drift.add(show(target) + ": missing");
        } else if (!Arrays.equals(read(target), e.getValue())) {
          drift.add(show(target) + ": differs from what " + show(repo.solutionDir(module).resolve("src").resolve(e.getKey()))
              + " generates");
        }
      }
      for (Path extra : actual) {
        if (!expected.containsKey(extra)) {
          drift.add(show(exerciseSrc.resolve(extra)) + ": not generated from solutions/ (delete it, or add it to solutions/)");
        }
      }
    }
    return drift;
  }

  /** Rewrites {@code exercises/NN/src} of every module; returns the files it changed or removed. */
  public List<Path> write() {
    List<Path> changed = new ArrayList<>();
    for (ModuleId module : modules()) {
      Path exerciseSrc = repo.exerciseDir(module).resolve("src");
      Map<Path, byte[]> expected = generate(module);
      try {
        if (Files.isDirectory(exerciseSrc)) {
          for (Path f : filesUnder(exerciseSrc)) {
            if (!expected.containsKey(exerciseSrc.relativize(f))) {
              Files.delete(f);
              changed.add(f);
            }
          }
        }
        for (Map.Entry<Path, byte[]> e : expected.entrySet()) {
          Path target = exerciseSrc.resolve(e.getKey());
          if (!Files.isRegularFile(target) || !Arrays.equals(read(target), e.getValue())) {
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            changed.add(target);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + exerciseSrc, e);
      }
    }
    return changed;
  }

  private String show(Path p) {
    return repo.root().relativize(p).toString();
  }

  private static List<Path> filesUnder(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
