package io.minik8s.controllers.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.api.core.Toleration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exercise 4.4: which tolerations tolerate a taint (upstream's ToleratesTaint). */
class TolerationsTest {

  /** Every row against the taint {@code dedicated=gpu:NoExecute}; "-" means unset. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Equal, same key, value and effect          | dedicated | Equal  | gpu | NoExecute  | true
      operator unset means Equal                 | dedicated | -      | gpu | NoExecute  | true
      Equal, other value                         | dedicated | Equal  | cpu | NoExecute  | false
      Equal, other key                           | zone      | Equal  | gpu | NoExecute  | false
      Exists ignores the value                   | dedicated | Exists | -   | NoExecute  | true
      Exists, other key                          | zone      | Exists | -   | NoExecute  | false
      unset effect matches every effect          | dedicated | Exists | -   | -          | true
      other effect                               | dedicated | Exists | -   | NoSchedule | false
      empty key with Exists tolerates everything | -         | Exists | -   | -          | true
      empty key with Exists, other effect        | -         | Exists | -   | NoSchedule | false
      unknown operator tolerates nothing         | dedicated | Lt     | gpu | NoExecute  | false
      """)
  @Graded(exercise = "4.4", points = 2)
  void tolerationsMatchTaintsAsUpstream(String name, String key, String operator, String value,
      String effect, boolean tolerated) {
    Toleration toleration = new Toleration(unset(key), unset(operator), unset(value),
        unset(effect));
    Taint taint = new Taint("dedicated", "gpu", "NoExecute");
    assertThat(Tolerations.tolerates(toleration, taint))
        .as("%s tolerates dedicated=gpu:NoExecute", toleration).isEqualTo(tolerated);
  }

  private static String unset(String s) {
    return "-".equals(s) ? null : s;
  }
}
