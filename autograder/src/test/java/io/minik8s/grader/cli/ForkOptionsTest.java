package io.minik8s.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minik8s.grader.run.ConcurrentForks;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.run.ForkUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ForkOptionsTest {

  private static ForkLimits parse(String... args) {
    ForkOptions options = new ForkOptions();
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

  @Test
  void aForkUserMustBeAnUnprivilegedAccountThatExists() {
    ForkOptions options = new ForkOptions();
    new CommandLine(options).parseArgs("--fork-user", "Robert'); DROP");
    assertThatThrownBy(options::fork).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a user name");
    assumeTrue(ForkUser.canSwitchUsers(), "the other checks need root and setpriv");
    assertThatThrownBy(() -> ForkUser.named("root")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is root");
    assertThatThrownBy(() -> ForkUser.named("no-such-user-here")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such user");
    assertThat(ForkUser.named("nobody").uid()).isPositive();
  }

  @Test
  void jobsDefaultToWhatTheMachineRunsAndRefuseZero() {
    ForkOptions defaults = new ForkOptions();
    new CommandLine(defaults).parseArgs();
    assertThat(defaults.jobs()).isEqualTo(ConcurrentForks.forThisMachine(ForkLimits.DEFAULT)).isPositive();
    ForkOptions three = new ForkOptions();
    new CommandLine(three).parseArgs("--jobs", "3");
    assertThat(three.jobs()).isEqualTo(3);
    ForkOptions zero = new ForkOptions();
    new CommandLine(zero).parseArgs("--jobs", "0");
    assertThatThrownBy(zero::jobs).isInstanceOf(IllegalArgumentException.class).hasMessage("--jobs must be at least 1, got 0");
  }
}
