package io.minik8s.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CourseCliTest {

  @Test
  void anUnknownCommandIsAUsageErrorWithExitCode2() {
    assertThat(CourseCli.execute("frobnicate")).isEqualTo(CourseCli.USAGE);
    assertThat(CourseCli.execute("check")).as("missing MODULE").isEqualTo(CourseCli.USAGE);
    assertThat(CourseCli.execute("grade", "--format", "pdf")).as("bad --format").isEqualTo(CourseCli.USAGE);
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"list", "check", "watch", "hint", "sync", "grade", "grade-batch", "teeth", "mutation", "flaky", "bench", "gradescope", "dist"})
  void everyCommandExplainsItself(String command) {
    assertThat(CourseCli.execute(command, "--help")).isZero();
  }
}
