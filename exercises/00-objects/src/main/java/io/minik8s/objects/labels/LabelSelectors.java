package io.minik8s.objects.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Conversions between the API form of a selector ({@link LabelSelector}) and {@link Selector}. */
public final class LabelSelectors {

  private LabelSelectors() {}

  /**
   * The selector that {@code apiSelector} stands for: every {@code matchLabels} entry is an
   * {@code =} requirement, every {@code matchExpressions} entry a requirement with operator
   * {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}; all are ANDed.
   *
   * <ul>
   *   <li>{@code null} selects nothing ({@link Selector#nothing()}): a controller with no selector
   *       must not adopt every pod in the namespace.
   *   <li>An empty selector (no labels, no expressions) selects everything.
   * </ul>
   *
   * <p>Upstream: {@code metav1.LabelSelectorAsSelector} in
   * k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go.
   *
   * @throws IllegalArgumentException for an unknown operator, an invalid key or value, or values
   *     that do not fit the operator (e.g. {@code In} with no values); the message names them
   */
  public static Selector toSelector(LabelSelector apiSelector) {
    // BEGIN EXERCISE 0.2 — convert the API form (matchLabels + matchExpressions) to a Selector
    throw new UnsupportedOperationException("TODO exercise 0.2: convert the API form (matchLabels + matchExpressions) to a Selector");
    // END EXERCISE 0.2
  }
}
