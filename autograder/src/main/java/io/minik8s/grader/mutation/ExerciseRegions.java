package io.minik8s.grader.mutation;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.sync.MarkerException;
import io.minik8s.grader.sync.MarkerScanner;
import io.minik8s.grader.sync.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The exercise regions of one module's reference, by source file: what mutation testing is
 * limited to, since only the code inside a region is what a student writes and the tests grade.
 */
public final class ExerciseRegions {

  /** Regions by source path under the source root ({@code a/b/Outer.java}), in file order. */
  private final Map<String, List<Region>> byFile;

  public ExerciseRegions(Map<String, List<Region>> byFile) {
    this.byFile = Map.copyOf(byFile);
  }

  /** Scans {@code solutions/NN-name/src/main/java}; a malformed marker is an error. */
  public static ExerciseRegions of(CourseRepo repo, ModuleId module) {
    Path sources = repo.solutionDir(module).resolve("src/main/java");
    Map<String, List<Region>> byFile = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<Region> regions =
            MarkerScanner.scan(repo.root().relativize(file), Files.readAllLines(file), module.exercisePrefix(), problems);
        if (!regions.isEmpty()) {
          byFile.put(sources.relativize(file).toString().replace('\\', '/'), regions);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sources of " + sources, e);
    }
    if (!problems.isEmpty()) {
      throw new MarkerException(problems);
    }
    return new ExerciseRegions(byFile);
  }

  /** The region whose body holds the mutant's line, if any (marker lines themselves are not code). */
  public Optional<Region> regionOf(Mutant mutant) {
    return byFile.getOrDefault(mutant.sourcePath(), List.of()).stream()
        .filter(r -> mutant.line() > r.begin() && mutant.line() < r.end())
        .findFirst();
  }

  /** PIT's {@code targetClasses}: each class with a region and its nested classes. */
  public List<String> targetClasses() {
    List<String> classes = new ArrayList<>();
    byFile.keySet().stream().sorted().forEach(path -> {
      String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
      classes.add(name);
      classes.add(name + "$*");
    });
    return classes;
  }

  /** Only the files with a region of one of {@code exercises} (all their regions kept). */
  public ExerciseRegions filesOf(java.util.Collection<String> exercises) {
    Map<String, List<Region>> kept = new LinkedHashMap<>();
    byFile.forEach((path, regions) -> {
      if (regions.stream().anyMatch(r -> exercises.contains(r.exercise()))) {
        kept.put(path, regions);
      }
    });
    return new ExerciseRegions(kept);
  }

  /** Every exercise id with at least one region, sorted. */
  public List<String> exercises() {
    return byFile.values().stream().flatMap(List::stream).map(Region::exercise).distinct().sorted().toList();
  }
}
