package io.minik8s.grader.mutation;

import io.minik8s.grader.sync.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of the mutants inside one exercise's regions the tests detect. Non-viable mutants (PIT
 * could not load them) are left out; a mutant no test covers counts as a survivor.
 *
 * @param mutants the viable mutants inside the exercise's regions, each with its region
 */
public record MutationScore(String exercise, List<Located> mutants) {

  /** A mutant and the region it lies in. */
  public record Located(Mutant mutant, Region region) {

    /** {@code solutions/00-objects/src/main/java/a/B.java:42}, as an editor opens it. */
    public String location() {
      return region.file() + ":" + mutant.line();
    }
  }

  public int total() {
    return mutants.size();
  }

  public int killed() {
    return (int) mutants.stream().filter(m -> m.mutant().detected()).count();
  }

  public List<Located> survivors() {
    return mutants.stream().filter(m -> !m.mutant().detected()).toList();
  }

  /** Killed over total in percent, rounded down; 100 when there are no mutants. */
  public int percent() {
    return total() == 0 ? 100 : killed() * 100 / total();
  }

  /**
   * The score of every exercise in {@code exercises} (in that order), from every mutant PIT
   * reported; mutants outside the regions are ignored.
   */
  public static List<MutationScore> byExercise(List<String> exercises, ExerciseRegions regions, List<Mutant> mutants) {
    Map<String, List<Located>> found = new LinkedHashMap<>();
    exercises.forEach(e -> found.put(e, new ArrayList<>()));
    for (Mutant m : mutants) {
      if (!m.viable()) {
        continue;
      }
      regions.regionOf(m).ifPresent(r -> found.computeIfAbsent(r.exercise(), e -> new ArrayList<>()).add(new Located(m, r)));
    }
    List<MutationScore> scores = new ArrayList<>();
    found.forEach((exercise, located) -> scores.add(new MutationScore(exercise, List.copyOf(located))));
    return List.copyOf(scores);
  }
}
