package io.minik8s.grader.hostile;

import io.minik8s.grader.FixtureCourse;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds submissions of the fixture course: a finished student (the skeleton with the
 * reference's main code, 7/7 points), optionally overlaid with one case of the hostile corpus in
 * {@code src/test/resources/hostile/<case>}, which holds only the files that differ.
 */
public final class HostileCorpus {

  /** Every case in the corpus, by directory name. */
  public static final List<String> CASES =
      List.of(
          "infinite-loop", "deep-recursion", "system-exit", "runtime-halt", "non-daemon-thread", "thread-bomb",
          "out-of-memory", "output-flood", "escape-working-dir", "read-hidden", "ships-framework",
          "order-dependent", "server-socket", "does-not-compile");

  private HostileCorpus() {}

  /** Writes a finished student's submission to {@code to}, with {@code hostileCase} on top. */
  public static Path submission(FixtureCourse course, Path to, Optional<String> hostileCase) {
    FixtureCourse.copyTree(course.path("exercises"), to.resolve("exercises"));
    for (String module : List.of("00-demo", "01-calc")) {
      FixtureCourse.copyTree(course.path("solutions/" + module + "/src/main"), to.resolve("exercises/" + module + "/src/main"));
    }
    hostileCase.ifPresent(c -> FixtureCourse.copyTree(caseDir(c), to));
    return to;
  }

  static Path caseDir(String hostileCase) {
    try {
      Path dir = Path.of(HostileCorpus.class.getResource("/hostile/" + hostileCase).toURI());
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("no hostile case " + hostileCase);
      }
      return dir;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
