package io.minik8s.objects.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

  @Test
  @Graded(exercise = "0.2", points = 2)
  void convertsMatchLabelsAndMatchExpressions() {
    // spec.selector of a Deployment:
    //   matchLabels: {app: web}
    //   matchExpressions:
    //   - {key: env, operator: In, values: [qa, prod]}
    //   - {key: legacy, operator: DoesNotExist}
    LabelSelector api =
        new LabelSelector(
            Map.of("app", "web"),
            List.of(
                new LabelSelectorRequirement("env", "In", List.of("qa", "prod")),
                new LabelSelectorRequirement("legacy", "DoesNotExist", null)));

    Selector selector = LabelSelectors.toSelector(api);

    assertThat(selector).hasToString("app=web,env in (prod,qa),!legacy");
    assertThat(selector.matches(Map.of("app", "web", "env", "prod"))).as("app=web,env=prod").isTrue();
    assertThat(selector.matches(Map.of("app", "web", "env", "dev"))).as("app=web,env=dev").isFalse();
    assertThat(selector.matches(Map.of("app", "web", "env", "qa", "legacy", "yes")))
        .as("app=web,env=qa,legacy=yes")
        .isFalse();
  }

  @Test
  @Graded(exercise = "0.2", points = 1)
  void nullSelectsNothingAndEmptySelectsEverything() {
    Selector none = LabelSelectors.toSelector(null);
    Selector all = LabelSelectors.toSelector(new LabelSelector(null, null));

    assertThat(none.matches(Map.of())).as("null selector on no labels").isFalse();
    assertThat(none.matches(Map.of("app", "web"))).as("null selector on app=web").isFalse();
    assertThat(none.isEmpty()).as("null selector isEmpty").isFalse();
    assertThat(all.matches(Map.of("app", "web"))).as("empty selector on app=web").isTrue();
    assertThat(all.isEmpty()).as("empty selector isEmpty").isTrue();
  }

  @Test
  @Graded(exercise = "0.2", points = 1)
  void rejectsAnUnknownOperator() {
    LabelSelector api =
        new LabelSelector(null, List.of(new LabelSelectorRequirement("env", "Equals", List.of("qa"))));

    assertThatThrownBy(() -> LabelSelectors.toSelector(api))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Equals\"");
  }
}
