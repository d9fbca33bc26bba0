package io.minik8s.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.run.ForkLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ForkLimitOptionsTest {

  private static ForkLimits parse(String... args) {
    ForkLimitOptions options = new ForkLimitOptions();
    new CommandLine(options).parseArgs(args);
    return options.limits();
  }

  @Test
  void withoutFlagsTheDefaultsHold() {
    assertThat(parse()).isEqualTo(ForkLimits.DEFAULT);
  }

  @Test
  void eachFlagChangesOnlyItsLimit() {
    ForkLimits limits = parse("--test-timeout", "30", "--module-timeout", "600", "--heap", "1024");
    assertThat(limits.perTest()).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.module()).isEqualTo(Duration.ofSeconds(600));
    assertThat(limits.heapMegabytes()).isEqualTo(1024);
    assertThat(limits.outputCapBytes()).isEqualTo(ForkLimits.DEFAULT.outputCapBytes());
    assertThat(parse("--heap", "256").perTest()).isEqualTo(ForkLimits.DEFAULT.perTest());
  }

  @Test
  void nonsenseLimitsAreRefusedByName() {
    assertThatThrownBy(() -> parse("--test-timeout", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--test-timeout must be at least 1, got 0");
    assertThatThrownBy(() -> parse("--heap", "16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--heap must be at least 64, got 16");
  }
}
