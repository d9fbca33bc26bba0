package io.minik8s.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRangeTest {

  /** A blank cell is the empty range end (one key); "\0" is Bytes.ZERO (every key from the start on). */
  static Bytes bytes(String spec) {
    if (spec == null) {
      return Bytes.EMPTY;
    }
    return spec.equals("\\0") ? Bytes.ZERO : Bytes.of(spec);
  }

  @ParameterizedTest(name = "[{0}, {1}) contains {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // key     | end    | candidate | contained
        "/a        |        | /a        | true", // empty end: that key only
        "/a        |        | /a/b      | false", // ... not the keys it prefixes
        "/a        |        | /         | false",
        "/a/       | /a0    | /a/x      | true", // a prefix range: [/a/, /a0)
        "/a/       | /a0    | /a/       | true", // the start is included
        "/a/       | /a0    | /a0       | false", // the end is not
        "/a/       | /a0    | /a        | false", // below the start
        "/a/       | /a0    | /b        | false",
        "b         | \\0    | b         | true", // end "\0": every key from the start on
        "b         | \\0    | zzz       | true",
        "b         | \\0    | a         | false",
        "\\0       | \\0    | a         | true", // "\0" to "\0": every key
      })
  @Graded(exercise = "1.3", points = 1)
  void containsFollowsEtcdRangeRules(String key, String rangeEnd, String candidate, boolean contained) {
    KeyRange range = KeyRange.of(bytes(key), bytes(rangeEnd));
    assertThat(range.contains(Bytes.of(candidate)))
        .as("KeyRange(%s, %s).contains(%s)", key, rangeEnd, candidate)
        .isEqualTo(contained);
  }
}
