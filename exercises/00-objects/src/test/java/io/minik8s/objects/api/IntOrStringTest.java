package io.minik8s.objects.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntOrStringTest {

  @ParameterizedTest(name = "{0} of {1}, roundUp={2} -> {3}")
  @CsvSource({
      // value, total, roundUp, expected
      "3,    10, true,  3",   // an integer is absolute
      "3,    10, false, 3",
      "25%,  10, true,  3",   // 2.5 rounds up: maxSurge
      "25%,  10, false, 2",   // 2.5 rounds down: maxUnavailable
      "25%,   4, false, 1",   // exact
      "100%,  7, false, 7",
      "0%,    7, true,  0",
      "33%,   1, true,  1",   // 0.33 up
      "33%,   1, false, 0",
  })
  @Graded(exercise = "0.3", points = 2)
  void scaledValueResolvesPercentagesWithTheRequestedRounding(
      String value, int total, boolean roundUp, int expected) {
    IntOrString v = value.endsWith("%") ? IntOrString.of(value) : IntOrString.of(Integer.parseInt(value));

    assertThat(v.scaledValue(total, roundUp))
        .as("scaledValue(%s, total=%d, roundUp=%s)", value, total, roundUp)
        .isEqualTo(expected);
  }

  @Test
  @Graded(exercise = "0.3", points = 1)
  void scaledValueRejectsAStringThatIsNotAPercentage() {
    assertThatThrownBy(() -> IntOrString.of("http").scaledValue(10, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http");
    assertThatThrownBy(() -> IntOrString.of("x%").scaledValue(10, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x%");
  }
}
