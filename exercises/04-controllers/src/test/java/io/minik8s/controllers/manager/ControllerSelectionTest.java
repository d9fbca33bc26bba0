package io.minik8s.controllers.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code --controllers} as upstream reads it (given code, ungraded). */
class ControllerSelectionTest {

  private static final List<String> KNOWN = List.of("replicaset", "deployment", "job");

  @ParameterizedTest(name = "--controllers {0}")
  @CsvSource(delimiter = ';', value = {
      "*;                 replicaset deployment job",
      "*,-job;            replicaset deployment",
      "job;               job",
      "job,replicaset;    replicaset job",
      "-job;              ''",
      "*,-job,job;        replicaset deployment job"})
  void selects(String flag, String expected) {
    List<String> enabled = ControllerSelection.enabled(List.of(flag.split(",")), KNOWN);

    assertThat(String.join(" ", enabled)).as("--controllers %s", flag).isEqualTo(expected);
  }

  @Test
  void unknownNameListsTheValidOnes() {
    assertThatThrownBy(() -> ControllerSelection.enabled(List.of("*", "-replicaset", "jbo"), KNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown controller \"jbo\" in --controllers; valid names are *, "
            + "replicaset, deployment, job");
  }
}
