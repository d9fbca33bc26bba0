package io.minik8s.objects.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;

class IntOrStringHiddenTest {

  @Test
  @Graded(exercise = "0.3", points = 1,
      hint = "Percentages of large totals must not overflow an int on the way, and rounding"
          + " direction matters for values just above a whole number.")
  void scaledValueIsExactForLargeTotalsAndOddPercentages() {
    assertThat(IntOrString.of("50%").scaledValue(2_000_000_000, false)).isEqualTo(1_000_000_000);
    assertThat(IntOrString.of("10%").scaledValue(1_999_999_999, true)).isEqualTo(200_000_000);
    assertThat(IntOrString.of("1%").scaledValue(101, true)).isEqualTo(2);
    assertThat(IntOrString.of("1%").scaledValue(101, false)).isEqualTo(1);
    assertThat(IntOrString.of("200%").scaledValue(3, false)).isEqualTo(6);
    assertThat(IntOrString.of(0).scaledValue(100, true)).isZero();
  }

  @Test
  @Graded(exercise = "0.3", points = 1,
      hint = "Only a string ending in % with an integer before it is a percentage.")
  void scaledValueRejectsMalformedPercentages() {
    for (String bad : new String[] {"%", "25", "2.5%", "25 %", "abc"}) {
      assertThatThrownBy(() -> IntOrString.of(bad).scaledValue(10, false))
          .as("scaledValue of \"%s\"", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }
}
