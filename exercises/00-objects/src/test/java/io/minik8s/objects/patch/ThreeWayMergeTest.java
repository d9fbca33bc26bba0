package io.minik8s.objects.patch;

import static io.minik8s.objects.patch.JsonMergePatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

  /** The worked example of ThreeWayMerge's Javadoc, redrawn. */
  static final String LAST_APPLIED =
      """
      {"metadata": {"labels": {"app": "web", "tier": "fe"}},
       "spec": {"replicas": 3, "image": "web:1"}}
      """;
  static final String LIVE =
      """
      {"metadata": {"labels": {"app": "web", "tier": "fe", "team": "blue"}},
       "spec": {"replicas": 5, "image": "web:1", "strategy": "RollingUpdate"},
       "status": {"ready": 5}}
      """;
  static final String DESIRED =
      """
      {"metadata": {"labels": {"app": "web"}},
       "spec": {"replicas": 3, "image": "web:2"}}
      """;
  static final String LIVE_AFTER =
      """
      {"metadata": {"labels": {"app": "web", "team": "blue"}},
       "spec": {"replicas": 3, "image": "web:2", "strategy": "RollingUpdate"},
       "status": {"ready": 5}}
      """;

  @Test
  @Graded(exercise = "0.6", points = 3)
  void workedExampleFromTheJavadoc() {
    JsonNode patch = ThreeWayMerge.patch(json(LAST_APPLIED), json(LIVE), json(DESIRED));

    // tier: removed from the manifest since last time -> deleted.
    // image: changed -> set. replicas: live says 5, the manifest still says 3 -> set back to 3.
    // team, strategy, status: never in a manifest -> untouched (absent from the patch).
    assertThat((Object) patch)
        .isEqualTo(
            json(
                """
                {"metadata": {"labels": {"tier": null}},
                 "spec": {"replicas": 3, "image": "web:2"}}
                """));

    assertThat((Object) JsonMergePatch.apply(json(LIVE), patch))
        .as("live after the patch")
        .isEqualTo(json(LIVE_AFTER));
  }

  @Test
  @Graded(exercise = "0.6", points = 1)
  void firstApplyWithoutLastAppliedDeletesNothing() {
    JsonNode patch =
        ThreeWayMerge.patch(
            null,
            json("{\"spec\": {\"replicas\": 1, \"extra\": true}, \"status\": {}}"),
            json("{\"spec\": {\"replicas\": 2}}"));

    assertThat((Object) patch).isEqualTo(json("{\"spec\": {\"replicas\": 2}}"));
  }

  @Test
  @Graded(exercise = "0.6", points = 1)
  void applyingTheSameManifestAgainIsANoOp() {
    // After the worked example, last-applied is the desired manifest.
    JsonNode patch = ThreeWayMerge.patch(json(DESIRED), json(LIVE_AFTER), json(DESIRED));

    assertThat((Object) patch).isEqualTo(json("{}"));
  }

  @Test
  @Graded(exercise = "0.6", points = 1)
  void inputsAreNeverModified() {
    JsonNode lastApplied = json(LAST_APPLIED);
    JsonNode live = json(LIVE);
    JsonNode desired = json(DESIRED);

    JsonNode patch = ThreeWayMerge.patch(lastApplied, live, desired);

    assertThat(patch.isEmpty()).as("the patch is not empty").isFalse();
    assertThat((Object) lastApplied).as("lastApplied").isEqualTo(json(LAST_APPLIED));
    assertThat((Object) live).as("live").isEqualTo(json(LIVE));
    assertThat((Object) desired).as("desired").isEqualTo(json(DESIRED));
  }

  @Test
  @Graded(exercise = "0.6", points = 1)
  void rejectsNonObjectArguments() {
    assertThatThrownBy(() -> ThreeWayMerge.patch(json("{}"), json("[1]"), json("{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("live");
  }
}
