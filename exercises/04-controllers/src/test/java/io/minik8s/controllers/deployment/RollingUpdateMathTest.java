package io.minik8s.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.controllers.deployment.RollingUpdateMath.Fenceposts;
import io.minik8s.grader.Graded;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rolling-update arithmetic, by tables whose comments derive each number by hand. */
class RollingUpdateMathTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                   | surge | unavail | replicas | maxSurge | maxUnavail
      # 25% of 10 = 2.5: surge rounds up to 3, unavailable down to 2
      10 replicas 25%/25%                      | 25%   | 25%     | 10       | 3        | 2
      # absolute numbers are taken as they are
      absolute 3/2                             | 3     | 2       | 10       | 3        | 2
      # 25% of 4 = exactly 1 both ways
      4 replicas 25%/25%                       | 25%   | 25%     | 4        | 1        | 1
      # 30% of 5 = 1.5: surge 2, unavailable 1
      5 replicas 30%/30%                       | 30%   | 30%     | 5        | 2        | 1
      # 10% of 3 = 0.3: surge 1 (up), unavailable 0 (down): surge alone moves the rollout
      3 replicas 10%/10%                       | 10%   | 10%     | 3        | 1        | 0
      # 100% of 3 = 3 both ways
      100%/100%                                | 100%  | 100%    | 3        | 3        | 3
      # 0 surge, 50% of 7 = 3.5 unavailable rounds down to 3
      no surge, 50% of 7                       | 0     | 50%     | 7        | 0        | 3
      # a percentage of 0 replicas is 0 (and 0/0 becomes 0/1)
      0 replicas                               | 25%   | 25%     | 0        | 0        | 1
      """)
  @Graded(exercise = "4.2", points = 3)
  void resolvesFencepostsRoundingSurgeUpAndUnavailableDown(String name, String surge,
      String unavailable, int replicas, int expectedSurge, int expectedUnavailable) {
    Fenceposts f = RollingUpdateMath.resolveFenceposts(
        DeploymentFixture.intOrString(parse(surge)), DeploymentFixture.intOrString(
            parse(unavailable)), replicas);

    assertThat(f)
        .as("%s: maxSurge %s and maxUnavailable %s of %d replicas", name, surge, unavailable,
            replicas)
        .isEqualTo(new Fenceposts(expectedSurge, expectedUnavailable));
  }

  @Test
  @Graded(exercise = "4.2", points = 1)
  void bothZeroMakesMaxUnavailableOne() {
    // 0 and 0 as numbers, and 1% of 10 = 0.1, floor 0: nothing could ever move, so unavailable 1
    assertThat(RollingUpdateMath.resolveFenceposts(
        DeploymentFixture.intOrString(0), DeploymentFixture.intOrString(0), 10))
        .as("maxSurge 0, maxUnavailable 0").isEqualTo(new Fenceposts(0, 1));
    assertThat(RollingUpdateMath.resolveFenceposts(
        DeploymentFixture.intOrString(0), DeploymentFixture.intOrString("1%"), 10))
        .as("maxSurge 0, maxUnavailable 1%% of 10").isEqualTo(new Fenceposts(0, 1));
    // null means the default 25%: 25% of 8 = 2 both ways
    assertThat(RollingUpdateMath.resolveFenceposts(null, null, 8))
        .as("defaults (25%%/25%%) of 8 replicas").isEqualTo(new Fenceposts(2, 2));
  }

  @Test
  @Graded(exercise = "4.2", points = 1)
  void aStringThatIsNotAPercentageIsRejected() {
    assertThatThrownBy(() -> RollingUpdateMath.resolveFenceposts(
        DeploymentFixture.intOrString("two"), DeploymentFixture.intOrString(1), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                 | desired | maxSurge | current | newRs | expected
      # new deployment: 0 pods, room for 10 + 3 = 13, but the new RS stops at desired 10
      fresh deployment                       | 10      | 3        | 0       | 0     | 10
      # rollout starts: 10 old pods, room 13 - 10 = 3 -> new RS 0 + 3 = 3
      first step of a rollout                | 10      | 3        | 10      | 0     | 3
      # 13 pods exist already (10 old + 3 new): no room, stays at 3
      surge used up                          | 10      | 3        | 13      | 3     | 3
      # old scaled to 8, new 3: total 11, room 2 -> 5
      room after old scaled down             | 10      | 3        | 11      | 3     | 5
      # room 13 - 9 = 4 but new RS only needs 10 - 8 = 2 more -> 10
      capped at desired                      | 10      | 3        | 9       | 8     | 10
      # no surge: 10 pods, room 0
      maxSurge 0 waits for scale down        | 10      | 0        | 10      | 0     | 0
      # maxSurge 0 and old scaled to 9: room 1 -> 1
      maxSurge 0 after one old pod went      | 10      | 0        | 9       | 0     | 1
      """)
  @Graded(exercise = "4.2", points = 3)
  void newReplicaSetGrowsWithinTheSurge(String name, int desired, int maxSurge, int current,
      int newRs, int expected) {
    assertThat(RollingUpdateMath.newReplicaSetReplicas(desired, maxSurge, current, newRs))
        .as("%s: desired %d, maxSurge %d, %d pods asked for in total, new RS at %d", name,
            desired, maxSurge, current, newRs)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                 | all | desired | maxUnav | newRs | newAvail | expected
      # 13 pods, min available 10 - 2 = 8, new pods all available: 13 - 8 - 0 = 5
      upstream case 2 (roll over)            | 13  | 10      | 2       | 3     | 3        | 5
      # same but the 5 new pods crash-loop: 13 - 8 - 5 = 0, old pods stay
      upstream case 1 (new pods crash)       | 13  | 10      | 2       | 5     | 0        | 0
      # 3 unavailable new pods: 13 - 8 - 3 = 2
      some new pods not ready                | 13  | 10      | 2       | 3     | 0        | 2
      # 10 pods, min 8, but 4 new unavailable: 10 - 8 - 4 = -2, never negative
      never negative                         | 10  | 10      | 2       | 4     | 0        | 0
      """)
  @Graded(exercise = "4.2", points = 2)
  void oldPodsMayGoDownToTheMinimumAvailable(String name, int all, int desired,
      int maxUnavailable, int newReplicas, int newAvailable, int expected) {
    assertThat(RollingUpdateMath.maxScaledDown(all, desired, maxUnavailable, newReplicas,
        newAvailable))
        .as("%s: %d pods, desired %d, maxUnavailable %d, new RS %d of which %d available",
            name, all, desired, maxUnavailable, newReplicas, newAvailable)
        .isEqualTo(expected);
  }

  @Test
  @Graded(exercise = "4.2", points = 2)
  void oldReplicaSetsScaleDownOldestFirst() {
    // desired 10, maxUnavailable 2: min available 8. 12 available -> 4 may go.
    // oldest RS has 3 -> 0 (3 gone), next 5 -> 4 (1 gone), newest old 2 -> 2.
    assertThat(RollingUpdateMath.scaleDownOld(List.of(3, 5, 2), 10, 2, 12))
        .as("old RSs [3, 5, 2] oldest first, 12 available, min available 8")
        .containsExactly(0, 4, 2);
    // 8 available = the minimum: nothing may go
    assertThat(RollingUpdateMath.scaleDownOld(List.of(3, 5), 10, 2, 8))
        .as("available at the minimum").containsExactly(3, 5);
    // fewer available than the minimum: nothing may go (and nothing grows)
    assertThat(RollingUpdateMath.scaleDownOld(List.of(4), 10, 2, 6))
        .as("available below the minimum").containsExactly(4);
    // 9 available, min 8: exactly 1 goes, from the first RS with pods ([0, 2] -> [0, 1])
    assertThat(RollingUpdateMath.scaleDownOld(List.of(0, 2), 10, 2, 9))
        .as("one over the minimum, first RS already empty").containsExactly(0, 1);
  }

  private static Object parse(String value) {
    return value.endsWith("%") ? value : (Object) Integer.parseInt(value);
  }
}
