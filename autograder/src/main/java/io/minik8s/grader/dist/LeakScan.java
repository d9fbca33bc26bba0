package io.minik8s.grader.dist;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import io.minik8s.grader.sync.MarkerScanner;
import io.minik8s.grader.sync.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for anything of the instructor's secrets in a tree meant for students:
 *
 * <ul>
 *   <li>a line of reference code from inside an exercise region (a {@code BEGIN EXERCISE} …
 *       {@code END EXERCISE} body), trimmed, of at least {@value #MIN_LINE} characters, that never
 *       occurs outside a region: lines the skeleton or the course's tooling legitimately share
 *       with a region ({@code } catch (IOException e) {}) are not secrets;
 *   <li>a line of a hidden test that occurs nowhere in the reference, its visible tests or the
 *       grader, and a file named like a hidden test (the lessons may name hidden tests: a name
 *       tells what is graded, not how);
 *   <li>a {@code solutions} or {@code autograder/hidden} directory, a pom naming the
 *       {@code solutions} module.
 * </ul>
 */
public final class LeakScan {

  static final int MIN_LINE = 25;
  private static final int MAX_REPORTED = 20;

  private final Set<String> referenceLines;
  private final Set<String> hiddenLines;
  private final Set<String> hiddenNames;

  private LeakScan(Set<String> referenceLines, Set<String> hiddenLines, Set<String> hiddenNames) {
    this.referenceLines = referenceLines;
    this.hiddenLines = hiddenLines;
    this.hiddenNames = hiddenNames;
  }

  /** The fingerprints of {@code repo}'s reference regions and hidden tests. */
  public static LeakScan of(CourseRepo repo) {
    Set<String> regionLines = new HashSet<>();
    Set<String> shared = new HashSet<>();
    Set<String> hidden = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<String> ignoredProblems = new ArrayList<>(); // malformed markers are ./course sync's to report
    for (ModuleId m : repo.modules()) {
      for (Path file : files(repo.solutionDir(m).resolve("src"))) {
        List<String> lines = lines(file);
        boolean[] inRegion = new boolean[lines.size()];
        if (file.toString().endsWith(".java")) {
          for (Region r : MarkerScanner.scan(file, lines, m.exercisePrefix(), ignoredProblems)) {
            for (int i = r.begin(); i < r.end() - 1; i++) { // 0-based lines begin .. end-2: the body
              inRegion[i] = true;
              String line = lines.get(i).strip();
              if (line.length() >= MIN_LINE && !line.startsWith("// STUB:")) {
                regionLines.add(line);
              }
            }
          }
        }
        for (int i = 0; i < lines.size(); i++) {
          if (!inRegion[i]) {
            shared.add(lines.get(i).strip());
          }
        }
      }
      for (Path file : files(repo.hiddenTestsDir(m))) {
        lines(file).stream().map(String::strip).filter(l -> l.length() >= MIN_LINE).forEach(hidden::add);
        String name = file.getFileName().toString();
        if (name.endsWith(".java")) {
          names.add(name.substring(0, name.length() - ".java".length()));
        }
      }
    }
    // the course's own tooling and benchmarks ship to students verbatim; a line they share is not a secret
    for (Path tooling : List.of(repo.root().resolve("autograder/src/main"), repo.root().resolve("autograder/graded/src"),
        repo.root().resolve("bench/src"))) {
      files(tooling).forEach(f -> lines(f).forEach(l -> shared.add(l.strip())));
    }
    regionLines.removeAll(shared);
    hidden.removeAll(shared);
    return new LeakScan(Set.copyOf(regionLines), Set.copyOf(hidden), Set.copyOf(names));
  }

  /** How many reference lines, hidden-test lines and hidden-test names this scan looks for. */
  public String coverage() {
    return referenceLines.size() + " reference lines, " + hiddenLines.size() + " hidden-test lines, "
        + hiddenNames.size() + " hidden test names";
  }

  /** What of the secrets {@code tree} contains, one message per finding (at most 20); empty when clean. */
  public List<String> scan(Path tree) {
    List<String> found = new ArrayList<>();
    for (Path file : files(tree)) {
      String relative = tree.relativize(file).toString().replace('\\', '/');
      if (("/" + relative).contains("/solutions/")) {
        found.add(relative + ": a file under a solutions/ directory");
      }
      if (("/" + relative).contains("/autograder/hidden/")) {
        found.add(relative + ": a file under autograder/hidden/");
      }
      List<String> lines = lines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (referenceLines.contains(line)) {
          found.add(relative + ":" + (i + 1) + ": a line of the reference's exercise code: " + line);
        } else if (hiddenLines.contains(line)) {
          found.add(relative + ":" + (i + 1) + ": a line of a hidden test: " + line);
        }
        if (relative.endsWith("pom.xml") && line.equals("<module>solutions</module>")) {
          found.add(relative + ":" + (i + 1) + ": the build names the solutions module");
        }
      }
      for (String name : hiddenNames) {
        if (file.getFileName().toString().startsWith(name + ".")) {
          found.add(relative + ": a file named like the hidden test " + name);
        }
      }
      if (found.size() >= MAX_REPORTED) {
        break;
      }
    }
    return found.size() > MAX_REPORTED ? List.copyOf(found.subList(0, MAX_REPORTED)) : List.copyOf(found);
  }

  private static List<Path> files(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /** A file's lines; binary content decodes with replacement characters and simply never matches. */
  private static List<String> lines(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
