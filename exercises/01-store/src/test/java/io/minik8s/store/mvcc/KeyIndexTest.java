package io.minik8s.store.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redraws the trace of {@link KeyIndex}'s class comment. */
class KeyIndexTest {

  /** put(1.0) put(2.0) tombstone(3.0) put(4.0) tombstone(5.0) on "foo". */
  static KeyIndex trace() {
    KeyIndex foo = new KeyIndex(Bytes.of("foo"));
    foo.put(new Revision(1, 0));
    foo.put(new Revision(2, 0));
    foo.tombstone(new Revision(3, 0));
    foo.put(new Revision(4, 0));
    foo.tombstone(new Revision(5, 0));
    return foo;
  }

  /** The generations as the class comment draws them: "{1.0, 2.0, 3.0(t)} {4.0, 5.0(t)} {}". */
  static String draw(KeyIndex ki) {
    List<List<Revision>> generations = ki.generations();
    List<String> drawn = new ArrayList<>();
    for (int g = 0; g < generations.size(); g++) {
      List<Revision> revs = generations.get(g);
      boolean ended = g < generations.size() - 1; // every generation but the current one ends in a tombstone
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < revs.size(); i++) {
        parts.add(revs.get(i) + (ended && i == revs.size() - 1 ? "(t)" : ""));
      }
      drawn.add("{" + String.join(", ", parts) + "}");
    }
    return String.join(" ", drawn);
  }

  @Test
  @Graded(exercise = "1.1", points = 2)
  void putsAndTombstonesMakeGenerations() {
    assertThat(draw(trace()))
        .as("generations of foo after put(1) put(2) tombstone(3) put(4) tombstone(5)")
        .isEqualTo("{1.0, 2.0, 3.0(t)} {4.0, 5.0(t)} {}");
  }

  @ParameterizedTest(name = "get({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // atRev | modified, created, version ("-": the key did not exist)
        "0       | -",
        "1       | 1.0 1.0 v1",
        "2       | 2.0 1.0 v2",
        "3       | -", // deleted at 3
        "4       | 4.0 4.0 v1", // re-created: a new generation starts at version 1
        "5       | -",
        "9       | -",
      })
  @Graded(exercise = "1.1", points = 2)
  void getReadsTheGenerationAliveAtARevision(long atRev, String expected) {
    KeyIndex.Found found = trace().get(atRev);
    String actual = found == null ? "-" : found.modified() + " " + found.created() + " v" + found.version();
    assertThat(actual).as("get(%d) on foo {1.0, 2.0, 3.0(t)} {4.0, 5.0(t)} {}", atRev).isEqualTo(expected);
  }

  @ParameterizedTest(name = "compact({0}) leaves {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // atRev | generations left                      | revisions kept at or below atRev
        "1       | {1.0, 2.0, 3.0(t)} {4.0, 5.0(t)} {}   | 1.0",
        "2       | {2.0, 3.0(t)} {4.0, 5.0(t)} {}        | 2.0",
        "3       | {3.0(t)} {4.0, 5.0(t)} {}             | 3.0",
        "4       | {4.0, 5.0(t)} {}                      | 4.0",
        "5       | {5.0(t)} {}                           | 5.0", // the tombstone is the state at 5
        "6       | {}                                    | -", // nothing left: the key can go
      })
  @Graded(exercise = "1.5", points = 2)
  void compactKeepsTheStateAtTheRevisionAndWhatFollows(long atRev, String generations, String kept) {
    KeyIndex foo = trace();
    Set<Revision> keep = new HashSet<>();

    foo.compact(atRev, keep);

    assertThat(draw(foo)).as("generations of foo after compact(%d)", atRev).isEqualTo(generations);
    String keptDrawn = keep.isEmpty() ? "-" : keep.stream().map(Revision::toString).sorted().collect(Collectors.joining(" "));
    assertThat(keptDrawn).as("revisions compact(%d) keeps", atRev).isEqualTo(kept);
    assertThat(foo.isEmpty()).as("foo is empty after compact(%d)", atRev).isEqualTo(atRev == 6);
  }

  @Test
  @Graded(exercise = "1.5", points = 1)
  void readsAtOrAfterTheCompactedRevisionAnswerAsBefore() {
    KeyIndex foo = trace();
    foo.compact(4, new HashSet<>());

    assertThat(foo.get(4)).as("get(4) after compact(4)").isEqualTo(new KeyIndex.Found(new Revision(4, 0), new Revision(4, 0), 1));
    assertThat(foo.get(5)).as("get(5) after compact(4): deleted at 5").isNull();
  }

  @Test
  void sinceListsTheRevisionsAWatcherFromThereMustSee() {
    KeyIndex foo = trace();
    foo.put(new Revision(6, 0));
    foo.put(new Revision(6, 1)); // two changes in one txn: only the last is visible

    assertThat(foo.since(2)).as("since(2)").containsExactly(
        new Revision(2, 0), new Revision(3, 0), new Revision(4, 0), new Revision(5, 0), new Revision(6, 1));
    assertThat(foo.since(5)).as("since(5)").containsExactly(new Revision(5, 0), new Revision(6, 1));
  }
}
