package io.minik8s.apiserver.printing;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HumanDuration.format at every boundary of its table (upstream duration.HumanDuration). */
class AgeBoundariesHiddenTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "-PT2S, <invalid>",
      "-PT1.5S, 0s",
      "-PT1S, 0s",
      "PT0S, 0s",
      "PT119S, 119s",
      "PT120S, 2m",
      "PT121S, 2m1s",
      "PT9M59S, 9m59s",
      "PT10M, 10m",
      "PT10M30S, 10m",
      "PT179M59S, 179m",
      "PT3H, 3h",
      "PT3H1M, 3h1m",
      "PT7H59M, 7h59m",
      "PT8H, 8h",
      "PT47H59M, 47h",
      "PT48H, 2d",
      "PT49H, 2d1h",
      "PT191H, 7d23h",
      "PT192H, 8d",
      "PT17519H, 729d",
      "PT17520H, 2y",
      "PT17760H, 2y10d",
      "PT70079H, 7y364d",
      "PT70080H, 8y",
      "PT87600H, 10y"})
  @Graded(exercise = "2.7", points = 1, hint = "Check every boundary of the AGE table: the unit"
      + " changes at 2 minutes, 10 minutes, 3 hours, 8 hours, 2 days, 8 days, 2 years, 8 years;"
      + " a second unit is shown only where it is not zero.")
  void everyBoundaryOfTheAgeTable(Duration duration, String expected) {
    assertThat(HumanDuration.format(duration)).as("HumanDuration.format(%s)", duration)
        .isEqualTo(expected);
  }
}
