package io.minik8s.objects.labels;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API form of a label selector, as it appears in manifests ({@code spec.selector} of a
 * ReplicaSet, Deployment or Job): {@code matchLabels} and {@code matchExpressions}, ANDed together.
 * An empty selector matches everything; a missing (null) one matches nothing.
 *
 * <p>Upstream: {@code metav1.LabelSelector} in k8s.io/apimachinery/pkg/apis/meta/v1/types.go.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelector(
    Map<String, String> matchLabels, List<LabelSelectorRequirement> matchExpressions) {

  public LabelSelector {
    // insertion order is kept so a selector prints the way it was written, run after run
    matchLabels =
        matchLabels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(matchLabels));
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  /** A selector with only {@code matchLabels}. */
  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, List.of());
  }
}
