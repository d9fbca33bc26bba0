package io.minik8s.grader.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarkerScannerTest {

  private static final Path FILE = Path.of("solutions/00-x/src/main/java/A.java");

  private static List<String> problems(String source) {
    List<String> problems = new ArrayList<>();
    MarkerScanner.scan(FILE, source.lines().toList(), "0.", problems);
    return problems;
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("unclosed", """
            int f() {
              // BEGIN EXERCISE 0.1 — f
              return 1;
            }
            """, "A.java:2: EXERCISE 0.1 is never closed"),
        Arguments.of("nested", """
            // BEGIN EXERCISE 0.1 — outer
            // BEGIN EXERCISE 0.2 — inner
            // END EXERCISE 0.2
            """, "A.java:2: BEGIN EXERCISE 0.2 is nested inside EXERCISE 0.1 opened at line 1"),
        Arguments.of("end without begin", """
            return 1;
            // END EXERCISE 0.1
            """, "A.java:2: END EXERCISE 0.1 has no matching BEGIN"),
        Arguments.of("end closes another id", """
            // BEGIN EXERCISE 0.1 — f
            // END EXERCISE 0.2
            """, "A.java:2: END EXERCISE 0.2 closes EXERCISE 0.1 opened at line 1"),
        Arguments.of("hyphen instead of em dash", """
            // BEGIN EXERCISE 0.1 - f
            // END EXERCISE 0.1
            """, "A.java:1: malformed exercise marker"),
        Arguments.of("id of another module", """
            // BEGIN EXERCISE 1.1 — f
            // END EXERCISE 1.1
            """, "A.java:1: exercise id '1.1' must look like 0.N"),
        Arguments.of("no task", """
            // BEGIN EXERCISE 0.1 — \s
            // END EXERCISE 0.1
            """, "A.java:1: BEGIN EXERCISE 0.1 needs a task"),
        Arguments.of("stub away from begin", """
            // BEGIN EXERCISE 0.1 — f
            return 1;
            // STUB: return 0;
            // END EXERCISE 0.1
            """, "A.java:3: a STUB line must come right after a BEGIN EXERCISE line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedMarkersAreReportedWithFileAndLine(String name, String source, String expected) {
    assertThat(problems(source)).as("problems for %s", name).anyMatch(p -> p.contains(expected));
  }

  @Test
  void wellFormedRegionsHaveNoProblems() {
    String source = """
        int f() {
          // BEGIN EXERCISE 0.1 — compute f
          return 1;
          // END EXERCISE 0.1
        }
        """;
    assertThat(problems(source)).isEmpty();
  }

  @Test
  void skeletonReplacesTheBodyWithAThrowAtTheMarkerIndentation() {
    String source = """
        int f() {
            // BEGIN EXERCISE 0.1 — compute "f"
            int x = 1;
            return x;
            // END EXERCISE 0.1
        }
        """;
    List<String> lines = source.lines().toList();
    List<Region> regions = MarkerScanner.scan(FILE, lines, "0.", new ArrayList<>());
    assertThat(MarkerScanner.skeleton(lines, regions)).isEqualTo("""
        int f() {
            // BEGIN EXERCISE 0.1 — compute "f"
            throw new UnsupportedOperationException("TODO exercise 0.1: compute \\"f\\"");
            // END EXERCISE 0.1
        }
        """);
  }

  @Test
  void aStubLineReplacesTheDefaultThrowAndAnEmptyStubRemovesTheBody() {
    String source = """
        static final int X =
            // BEGIN EXERCISE 0.1 — pick X
            // STUB: 0;
            42;
            // END EXERCISE 0.1
        // BEGIN EXERCISE 0.2 — a helper the student writes
        // STUB:
        static int helper() { return 1; }
        // END EXERCISE 0.2
        """;
    List<String> lines = source.lines().toList();
    List<Region> regions = MarkerScanner.scan(FILE, lines, "0.", new ArrayList<>());
    assertThat(MarkerScanner.skeleton(lines, regions)).isEqualTo("""
        static final int X =
            // BEGIN EXERCISE 0.1 — pick X
            0;
            // END EXERCISE 0.1
        // BEGIN EXERCISE 0.2 — a helper the student writes
        // END EXERCISE 0.2
        """);
  }
}
