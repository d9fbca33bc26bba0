package io.minik8s.objects.labels;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of {@code matchExpressions}: a key, an operator ({@code In}, {@code NotIn},
 * {@code Exists}, {@code DoesNotExist}, spelled as in the API) and values.
 *
 * <p>Upstream: {@code metav1.LabelSelectorRequirement}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelectorRequirement(String key, String operator, List<String> values) {

  public LabelSelectorRequirement {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
